int checksum(int value);
int scale(int value, int factor);
