package dev.heapscope.sim.net;

/** The addresses of the virtual LAN the station joins (its AP's DHCP server hands out the same lease every boot). */
final class WifiAddresses {
    static final String STATION_IP = "192.168.10.23";
    static final String NETMASK = "255.255.255.0";
    static final String GATEWAY = "192.168.10.1";
    static final String STATION_MAC = "24:0a:c4:5e:a7:10";
    static final String SOFTAP_MAC = "24:0a:c4:5e:a7:11";
    static final String SOFTAP_IP = "192.168.4.1";

    private WifiAddresses() {
    }
}
