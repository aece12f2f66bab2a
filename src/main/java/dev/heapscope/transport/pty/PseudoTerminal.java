package dev.heapscope.transport.pty;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Platform;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A Linux pseudo-terminal whose master side this process owns: the "board" end of a virtual serial
 * cable. A serial client (jSerialComm, picocom, esptool) opens {@link #slavePath()}; whatever it writes
 * is {@link #read read} here and whatever is {@link #write written} here reaches it.
 *
 * <p>The slave is opened once by this class and put in raw mode, so bytes pass unchanged (no echo, no
 * CR/LF translation) even before a client attaches, and the master never sees a hang-up while no client
 * is attached. {@link #close()} closes both sides: to a client this looks like a board being unplugged.
 *
 * <p>Thread-safe: one thread may read while another writes; {@code close} may come from any thread and
 * waits at most one poll slice for a read or write in progress.
 */
public final class PseudoTerminal implements Closeable {
    /** A blocked read is not woken by close(), so reads and writes poll in slices this long. */
    private static final int POLL_SLICE_MILLIS = 50;
    private static final int DEFAULT_WRITE_TIMEOUT_MILLIS = 10_000;

    private final int masterFd;
    private final int slaveFd;
    private final String slavePath;
    private final ReentrantReadWriteLock fdLock = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private Path link;

    private PseudoTerminal(int masterFd, int slaveFd, String slavePath) {
        this.masterFd = masterFd;
        this.slaveFd = slaveFd;
        this.slavePath = slavePath;
    }

    /** Opens a new pseudo-terminal pair in raw mode. */
    public static PseudoTerminal open() throws IOException {
        if (!Platform.isLinux()) {
            throw new IOException("Pseudo-terminals are supported on Linux only (this is "
                    + System.getProperty("os.name") + "); connect a real board or use the built-in simulator");
        }
        LinuxLibc libc = LinuxLibc.INSTANCE;
        int master = libc.posix_openpt(LinuxLibc.O_RDWR | LinuxLibc.O_NOCTTY);
        if (master < 0) {
            throw failure("posix_openpt");
        }
        int slave = -1;
        try {
            check(libc.grantpt(master), "grantpt");
            check(libc.unlockpt(master), "unlockpt");
            byte[] name = new byte[256];
            int rc = libc.ptsname_r(master, name, new NativeLong(name.length));
            if (rc != 0) {
                throw new IOException("ptsname_r failed: errno " + rc);
            }
            String path = Native.toString(name, StandardCharsets.US_ASCII.name());
            int flags = libc.fcntl(master, LinuxLibc.F_GETFL);
            check(flags, "fcntl(F_GETFL)");
            check(libc.fcntl(master, LinuxLibc.F_SETFL, flags | LinuxLibc.O_NONBLOCK), "fcntl(F_SETFL)");
            slave = libc.open(path, LinuxLibc.O_RDWR | LinuxLibc.O_NOCTTY);
            if (slave < 0) {
                throw failure("open " + path);
            }
            makeRaw(slave);
            return new PseudoTerminal(master, slave, path);
        } catch (IOException | RuntimeException e) {
            if (slave >= 0) {
                libc.close(slave);
            }
            libc.close(master);
            throw e;
        }
    }

    private static void makeRaw(int fd) throws IOException {
        LinuxLibc libc = LinuxLibc.INSTANCE;
        byte[] termios = new byte[LinuxLibc.TERMIOS_BYTES];
        check(libc.tcgetattr(fd, termios), "tcgetattr");
        libc.cfmakeraw(termios);
        check(libc.tcsetattr(fd, LinuxLibc.TCSANOW, termios), "tcsetattr");
    }

    /** The path a serial client opens, e.g. {@code /dev/pts/7}. */
    public String slavePath() {
        return slavePath;
    }

    /**
     * Makes {@code linkPath} a symbolic link to the slave (replacing an older symbolic link there), so
     * users can type a stable name; the link is removed on {@link #close()}.
     *
     * @throws IOException if {@code linkPath} exists and is not a symbolic link (it is never overwritten)
     */
    public synchronized void linkAt(Path linkPath) throws IOException {
        if (closed) {
            throw new IOException("pseudo-terminal " + slavePath + " is closed");
        }
        if (Files.exists(linkPath, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isSymbolicLink(linkPath)) {
                throw new IOException(linkPath + " exists and is not a symbolic link; not replacing it");
            }
            Files.delete(linkPath);
        }
        Files.createSymbolicLink(linkPath, Path.of(slavePath));
        removeLink();
        link = linkPath;
    }

    /**
     * Reads what the client wrote, waiting up to {@code timeoutMillis}.
     *
     * @return the number of bytes read into {@code buffer}, 0 on timeout, -1 once closed
     */
    public int read(byte[] buffer, int timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (true) {
            fdLock.readLock().lock();
            try {
                if (closed) {
                    return -1;
                }
                int remainingMillis = remainingMillis(deadline);
                int ready = poll(masterFd, LinuxLibc.POLLIN, Math.min(remainingMillis, POLL_SLICE_MILLIS));
                if ((ready & LinuxLibc.POLLIN) != 0) {
                    long n = LinuxLibc.INSTANCE.read(masterFd, buffer, new NativeLong(buffer.length)).longValue();
                    if (n > 0) {
                        return (int) n;
                    }
                    int errno = Native.getLastError();
                    if (n < 0 && errno != LinuxLibc.EAGAIN && errno != LinuxLibc.EINTR) {
                        throw new IOException("read from pseudo-terminal master failed: errno " + errno);
                    }
                } else if ((ready & (LinuxLibc.POLLERR | LinuxLibc.POLLNVAL)) != 0) {
                    throw new IOException("pseudo-terminal master failed (poll revents " + ready + ")");
                }
                if (remainingMillis == 0) {
                    return 0;
                }
            } finally {
                fdLock.readLock().unlock();
            }
        }
    }

    /** Writes all bytes, waiting at most 10 s for the client to drain the line. */
    public void write(byte[] bytes) throws IOException {
        write(bytes, 0, bytes.length, DEFAULT_WRITE_TIMEOUT_MILLIS);
    }

    /**
     * Writes {@code length} bytes, handling partial writes.
     *
     * @throws IOException if the pseudo-terminal is closed, or the client did not read for {@code timeoutMillis}
     */
    public void write(byte[] bytes, int offset, int length, int timeoutMillis) throws IOException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        int written = 0;
        while (written < length) {
            fdLock.readLock().lock();
            try {
                if (closed) {
                    throw new IOException("pseudo-terminal " + slavePath + " is closed");
                }
                byte[] chunk = Arrays.copyOfRange(bytes, offset + written, offset + length);
                long n = LinuxLibc.INSTANCE.write(masterFd, chunk, new NativeLong(chunk.length)).longValue();
                if (n > 0) {
                    written += (int) n;
                    continue;
                }
                int errno = Native.getLastError();
                if (n < 0 && errno != LinuxLibc.EAGAIN && errno != LinuxLibc.EINTR) {
                    throw new IOException("write to pseudo-terminal master failed: errno " + errno);
                }
                int remainingMillis = remainingMillis(deadline);
                if (remainingMillis == 0) {
                    throw new IOException("write to " + slavePath + " timed out after " + timeoutMillis
                            + " ms with " + (length - written) + " bytes left: nobody is reading the other side");
                }
                poll(masterFd, LinuxLibc.POLLOUT, Math.min(remainingMillis, POLL_SLICE_MILLIS));
            } finally {
                fdLock.readLock().unlock();
            }
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Closes both sides (the client sees the board vanish) and removes the link made by {@link #linkAt}. */
    @Override
    public void close() {
        fdLock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            LinuxLibc.INSTANCE.close(slaveFd);
            LinuxLibc.INSTANCE.close(masterFd);
        } finally {
            fdLock.writeLock().unlock();
        }
        synchronized (this) {
            removeLink();
        }
    }

    private void removeLink() {
        if (link == null) {
            return;
        }
        try {
            if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).toString().equals(slavePath)) {
                Files.delete(link);
            }
        } catch (IOException e) {
            System.getLogger(PseudoTerminal.class.getName())
                    .log(System.Logger.Level.WARNING, "could not remove link " + link + ": " + e.getMessage());
        }
        link = null;
    }

    @Override
    public String toString() {
        return "PseudoTerminal[" + slavePath + (closed ? ", closed]" : "]");
    }

    private static int remainingMillis(long deadlineNanos) {
        long left = deadlineNanos - System.nanoTime();
        return left <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000);
    }

    /** Returns the revents of a single-fd poll, 0 on timeout or EINTR. */
    private static int poll(int fd, short events, int timeoutMillis) throws IOException {
        try (Memory pollFd = new Memory(8)) {
            pollFd.setInt(0, fd);
            pollFd.setShort(4, events);
            pollFd.setShort(6, (short) 0);
            int rc = LinuxLibc.INSTANCE.poll(pollFd, new NativeLong(1), timeoutMillis);
            if (rc < 0) {
                int errno = Native.getLastError();
                if (errno == LinuxLibc.EINTR) {
                    return 0;
                }
                throw new IOException("poll on pseudo-terminal failed: errno " + errno);
            }
            return rc == 0 ? 0 : pollFd.getShort(6) & 0xffff;
        }
    }

    private static void check(int rc, String call) throws IOException {
        if (rc < 0) {
            throw failure(call);
        }
    }

    private static IOException failure(String call) {
        return new IOException(call + " failed: errno " + Native.getLastError());
    }
}
