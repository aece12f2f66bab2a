package dev.heapscope.sim.net;

import dev.heapscope.sim.lib.BoardEvents;

/**
 * One TCP connection between a board socket and a peer, carried over the virtual network with a fixed
 * one-way latency: bytes arrive in order; each end sees the other's close one latency later. The peer
 * holds it as its {@link PeerSocket}. Board thread only.
 */
final class TcpLink implements PeerSocket {
    /** One way across the virtual Wi-Fi and LAN. */
    static final long ONE_WAY_MICROS = 2_000;

    /** What the board's end does with the peer's traffic. */
    interface BoardEnd {
        void received(byte[] data);

        void peerClosed();
    }

    private final BoardEvents events;
    private final BoardEnd board;
    private PeerHandler peer;
    private boolean boardOpen = true;
    private boolean peerOpen = true;

    TcpLink(BoardEvents events, BoardEnd board) {
        this.events = events;
        this.board = board;
    }

    void attach(PeerHandler handler) {
        this.peer = handler;
    }

    @Override
    public void send(byte[] data) {
        if (!peerOpen || data.length == 0) {
            return;
        }
        byte[] copy = data.clone();
        events.after(ONE_WAY_MICROS, () -> {
            if (boardOpen) {
                board.received(copy);
            }
        });
    }

    @Override
    public void close() {
        if (!peerOpen) {
            return;
        }
        peerOpen = false;
        events.after(ONE_WAY_MICROS, () -> {
            if (boardOpen) {
                board.peerClosed();
            }
        });
    }

    /** The board wrote {@code data}; {@code acknowledged} runs when the peer's ACK is back. */
    void fromBoard(byte[] data, Runnable acknowledged) {
        events.after(ONE_WAY_MICROS, () -> {
            if (peerOpen && peer != null) {
                peer.received(data);
            }
        });
        events.after(2 * ONE_WAY_MICROS, acknowledged);
    }

    /** The board closed (or deleted) its end. */
    void boardClosed() {
        if (!boardOpen) {
            return;
        }
        boardOpen = false;
        events.after(ONE_WAY_MICROS, () -> {
            if (peerOpen) {
                peerOpen = false;
                if (peer != null) {
                    peer.closed();
                }
            }
        });
    }

    boolean boardOpen() {
        return boardOpen;
    }
}
