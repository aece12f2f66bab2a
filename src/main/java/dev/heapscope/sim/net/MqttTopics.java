package dev.heapscope.sim.net;

/** MQTT 3.1.1 topic filters (§4.7): {@code +} matches one level, a trailing {@code #} this level and all below. */
final class MqttTopics {
    private MqttTopics() {
    }

    static boolean matches(String filter, String topic) {
        // §4.7.2: a filter starting with a wildcard never matches a topic starting with '$'
        if (topic.startsWith("$") && (filter.startsWith("+") || filter.startsWith("#"))) {
            return false;
        }
        String[] wanted = filter.split("/", -1);
        String[] levels = topic.split("/", -1);
        for (int i = 0; i < wanted.length; i++) {
            if (wanted[i].equals("#")) {
                return true; // "a/#" also matches "a" itself, as §4.7.1.2 says
            }
            if (i >= levels.length) {
                return false;
            }
            if (!wanted[i].equals("+") && !wanted[i].equals(levels[i])) {
                return false;
            }
        }
        return wanted.length == levels.length;
    }

    /** A filter the broker accepts: '#' only last and alone in its level, '+' alone in its level. */
    static boolean validFilter(String filter) {
        if (filter.isEmpty()) {
            return false;
        }
        String[] levels = filter.split("/", -1);
        for (int i = 0; i < levels.length; i++) {
            String level = levels[i];
            if (level.contains("#") && (!level.equals("#") || i != levels.length - 1)) {
                return false;
            }
            if (level.contains("+") && !level.equals("+")) {
                return false;
            }
        }
        return true;
    }
}
