package dev.heapscope.sim;

import dev.heapscope.sim.net.EchoPeer;
import dev.heapscope.sim.net.ScheduledClients;
import dev.heapscope.sim.net.VirtualNetwork;

/**
 * The peers every virtual network has (each module's own peers add a line here): which hosts exist, at
 * which addresses, and what listens on their ports. Scenarios tune them through {@code world.*} settings.
 */
public final class BuiltInPeers {
    private BuiltInPeers() {
    }

    public static void install(VirtualNetwork network) {
        // each peer's install goes here, one line per peer
        EchoPeer.install(network);
        ScheduledClients.install(network);
        dev.heapscope.sim.net.MqttBroker.install(network);
        dev.heapscope.sim.net.HttpSite.install(network);
    }
}
