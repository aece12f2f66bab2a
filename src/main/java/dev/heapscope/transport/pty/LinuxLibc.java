package dev.heapscope.transport.pty;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/** The few libc calls a pseudo-terminal needs. Constants are the Linux (x86-64 and arm64) values. */
interface LinuxLibc extends Library {
    int O_RDWR = 0x2;
    int O_NOCTTY = 0x100;
    int O_NONBLOCK = 0x800;
    int F_GETFL = 3;
    int F_SETFL = 4;
    int TCSANOW = 0;
    short POLLIN = 0x1;
    short POLLOUT = 0x4;
    short POLLERR = 0x8;
    short POLLHUP = 0x10;
    short POLLNVAL = 0x20;
    int EINTR = 4;
    int EIO = 5;
    int EAGAIN = 11;
    /** glibc's struct termios is 60 bytes; a larger scratch buffer costs nothing. */
    int TERMIOS_BYTES = 128;

    LinuxLibc INSTANCE = Native.load(Platform.C_LIBRARY_NAME, LinuxLibc.class);

    int posix_openpt(int flags);

    int grantpt(int fd);

    int unlockpt(int fd);

    int ptsname_r(int fd, byte[] buf, NativeLong length);

    int open(String path, int flags, Object... mode);

    int close(int fd);

    int fcntl(int fd, int command, Object... args);

    int tcgetattr(int fd, byte[] termios);

    void cfmakeraw(byte[] termios);

    int tcsetattr(int fd, int optionalActions, byte[] termios);

    /** {@code fds} points at {@code count} structs {@code {int fd; short events; short revents;}}. */
    int poll(Pointer fds, NativeLong count, int timeoutMillis);

    NativeLong read(int fd, byte[] buf, NativeLong count);

    NativeLong write(int fd, byte[] buf, NativeLong count);
}
