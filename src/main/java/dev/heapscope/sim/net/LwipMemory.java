package dev.heapscope.sim.net;

import dev.heapscope.sim.lib.BoardContext;

/**
 * The lwIP and FreeRTOS blocks a socket costs on the board, with the call chains that allocate them
 * (simulator/FIRMWARE-FACTS.md §N). ESP-IDF builds lwIP with MEMP_MEM_MALLOC, so every memp pool object is
 * a heap block. Sizes are of the structs for the ESP32's 32-bit ABI with IPv6 on (ip_addr_t is 24 bytes).
 */
final class LwipMemory {
    /** sizeof(lnet_userdata), net.c. */
    static final int LNET_USERDATA_BYTES = 60;
    static final int NETCONN_BYTES = 48;
    /** ESP-IDF sys_arch: struct sys_mbox_s, then a FreeRTOS queue of 6 pointers (RECVMBOX/ACCEPTMBOX size 6). */
    static final int SYS_MBOX_BYTES = 8;
    static final int MBOX_QUEUE_BYTES = 80 + 6 * 4;
    static final int TCP_PCB_BYTES = 180;
    static final int TCP_PCB_LISTEN_BYTES = 76;
    static final int UDP_PCB_BYTES = 76;
    static final int TCP_SEG_BYTES = 20;
    /** struct pbuf, and the headroom PBUF_TRANSPORT reserves (link 14 + IPv6-sized IP 40 + TCP 20). */
    static final int PBUF_BYTES = 16;
    static final int TRANSPORT_HEADROOM = 74;
    /** Ethernet, IPv4 and TCP headers in front of a received payload. */
    static final int RX_HEADERS = 54;
    static final int NETBUF_BYTES = 36;
    static final int DNS_EVENT_BYTES = 32;
    /** CONFIG_LWIP_TCP_MSS and CONFIG_LWIP_TCP_SND_BUF_DEFAULT. */
    static final int TCP_MSS = 1440;
    static final int TCP_SND_BUF = 5744;

    private final BoardContext board;

    LwipMemory(BoardContext board) {
        this.board = board;
    }

    /** netconn_new_with_callback: the netconn and its receive mailbox (plus the pcb the tcpip thread makes). */
    NetSocket.Netconn newNetconn(NetSocket socket, boolean tcp, String luaFunction) {
        NetSocket.Netconn conn = new NetSocket.Netconn();
        conn.netconnBlock = board.allocateFirmware(NETCONN_BYTES, "netconn_alloc",
                "netconn_new_with_proto_and_callback", luaFunction);
        conn.mboxBlock = board.allocateFirmware(SYS_MBOX_BYTES, "sys_mbox_new", "netconn_alloc",
                "netconn_new_with_proto_and_callback", luaFunction);
        conn.queueBlock = board.allocateFirmware(MBOX_QUEUE_BYTES, "xQueueGenericCreate", "sys_mbox_new",
                "netconn_alloc", "netconn_new_with_proto_and_callback", luaFunction);
        conn.pcbBlock = tcp
                ? board.allocateFirmware(TCP_PCB_BYTES, "tcp_alloc", "tcp_new_ip_type", "pcb_new",
                        "lwip_netconn_do_newconn", "tcpip_thread")
                : board.allocateFirmware(UDP_PCB_BYTES, "udp_new_ip_type", "pcb_new",
                        "lwip_netconn_do_newconn", "tcpip_thread");
        own(conn, socket);
        return conn;
    }

    /** An accepted connection: tcp_listen_input's pcb and accept_function's netconn. */
    NetSocket.Netconn acceptedNetconn(NetSocket socket) {
        NetSocket.Netconn conn = new NetSocket.Netconn();
        conn.pcbBlock = board.allocateFirmware(TCP_PCB_BYTES, "tcp_alloc", "tcp_listen_input", "tcp_input",
                "ip4_input", "tcpip_thread");
        conn.netconnBlock = board.allocateFirmware(NETCONN_BYTES, "netconn_alloc", "accept_function",
                "tcp_listen_input", "tcpip_thread");
        conn.mboxBlock = board.allocateFirmware(SYS_MBOX_BYTES, "sys_mbox_new", "netconn_alloc",
                "accept_function", "tcpip_thread");
        conn.queueBlock = board.allocateFirmware(MBOX_QUEUE_BYTES, "xQueueGenericCreate", "sys_mbox_new",
                "netconn_alloc", "accept_function", "tcpip_thread");
        own(conn, socket);
        return conn;
    }

    private void own(NetSocket.Netconn conn, NetSocket socket) {
        board.ownFirmware(conn.netconnBlock, socket.userdata, "netconn");
        board.ownFirmware(conn.mboxBlock, socket.userdata, "netconn receive mailbox");
        board.ownFirmware(conn.queueBlock, socket.userdata, "netconn receive queue");
        board.ownFirmware(conn.pcbBlock, socket.userdata, "lwIP pcb");
    }

    /** tcp_listen_with_backlog swaps the tcp_pcb for a smaller tcp_pcb_listen. */
    void listen(NetSocket.Netconn conn, NetSocket socket) {
        board.freeFirmware(conn.pcbBlock, "tcp_free", "tcp_listen_with_backlog_and_err", "lwip_netconn_do_listen");
        conn.pcbBlock = board.allocateFirmware(TCP_PCB_LISTEN_BYTES, "tcp_listen_with_backlog_and_err",
                "lwip_netconn_do_listen", "tcpip_thread");
        board.ownFirmware(conn.pcbBlock, socket.userdata, "lwIP listening pcb");
        conn.listening = true;
    }

    /** The pcb is gone (closed, reset or refused); the netconn stays until netconn_delete. */
    void freePcb(NetSocket.Netconn conn) {
        if (conn.pcbBlock != 0) {
            board.freeFirmware(conn.pcbBlock, "tcp_free", "tcp_close", "lwip_netconn_do_close");
            conn.pcbBlock = 0;
        }
    }

    /** netconn_delete: pcb, queued segments, mailbox and the netconn. */
    void delete(NetSocket.Netconn conn) {
        freePcb(conn);
        while (!conn.queuedSegments.isEmpty()) {
            freeSegment(conn.queuedSegments.poll());
        }
        board.freeFirmware(conn.queueBlock, "vQueueDelete", "sys_mbox_free", "netconn_free");
        board.freeFirmware(conn.mboxBlock, "sys_mbox_free", "netconn_free");
        board.freeFirmware(conn.netconnBlock, "netconn_free", "netconn_delete");
        conn.netconnBlock = 0;
    }

    /** tcp_write with NETCONN_COPY: one pbuf and one tcp_seg per MSS, queued until acknowledged. */
    int[] writeSegments(NetSocket.Netconn conn, NetSocket socket, int length) {
        int segments = (length + TCP_MSS - 1) / TCP_MSS;
        int[] blocks = new int[segments * 2];
        for (int i = 0; i < segments; i++) {
            int bytes = Math.min(TCP_MSS, length - i * TCP_MSS);
            blocks[2 * i] = board.allocateFirmware(align(PBUF_BYTES + TRANSPORT_HEADROOM + bytes), "pbuf_alloc",
                    "tcp_pbuf_prealloc", "tcp_write", "lwip_netconn_do_writemore", "tcpip_thread");
            blocks[2 * i + 1] = board.allocateFirmware(TCP_SEG_BYTES, "tcp_create_segment", "tcp_write",
                    "lwip_netconn_do_writemore", "tcpip_thread");
            board.ownFirmware(blocks[2 * i], socket.userdata, "queued TCP data");
            board.ownFirmware(blocks[2 * i + 1], socket.userdata, "queued TCP segment");
        }
        conn.queuedSegments.add(blocks);
        return blocks;
    }

    /** The peer acknowledged a write: tcp_receive frees its segments. */
    void acknowledged(NetSocket.Netconn conn, int[] blocks) {
        if (conn.queuedSegments.remove(blocks)) {
            freeSegment(blocks);
        }
    }

    private void freeSegment(int[] blocks) {
        for (int i = 0; i < blocks.length; i += 2) {
            board.freeFirmware(blocks[i], "pbuf_free", "tcp_seg_free", "tcp_receive");
            board.freeFirmware(blocks[i + 1], "tcp_seg_free", "tcp_receive");
        }
    }

    /** A received frame's pbuf (held in the receive mailbox) and the netbuf netconn_recv wraps it in. */
    int[] received(int length, boolean tcp) {
        int pbuf = board.allocateFirmware(align(PBUF_BYTES + RX_HEADERS + length), "pbuf_alloc", "wlanif_input",
                "esp_wifi_internal_rx");
        int netbuf = board.allocateFirmware(NETBUF_BYTES, tcp ? "netconn_recv_data_tcp" : "recv_udp",
                tcp ? "netconn_recv" : "udp_input");
        return new int[] {pbuf, netbuf};
    }

    /** netbuf_delete after lrecv_cb handed the payload to Lua. */
    void consumed(int[] blocks) {
        board.freeFirmware(blocks[0], "pbuf_free", "netbuf_delete", "lrecv_cb");
        board.freeFirmware(blocks[1], "netbuf_delete", "lrecv_cb");
    }

    int dnsEvent(String luaFunction) {
        return board.allocateFirmware(DNS_EVENT_BYTES, "luaM_malloc_", luaFunction);
    }

    void freeDnsEvent(int block) {
        board.freeFirmware(block, "luaM_free_", "handle_dns_event");
    }

    private static int align(int bytes) {
        return (bytes + 3) & ~3;
    }
}
