package dev.heapscope.sim.net;

/** A peer's listening TCP port: what it does when the board connects. */
public interface TcpService {
    /** The board's connection to this service is up; returns what handles the bytes the board sends. */
    PeerHandler accepted(PeerSocket socket);
}
