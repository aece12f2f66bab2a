package dev.heapscope.sim.net;

/** Dotted-quad IPv4 text as lwIP's {@code ipaddr_aton} accepts it (the plain a.b.c.d form). */
final class Ipv4 {
    private Ipv4() {
    }

    static boolean valid(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(Character::isDigit)
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
