package io.socketworkbench.ui.model;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The server's connected clients, oldest first, with what each sent and received. UI thread only; no JavaFX. */
public final class Clients {

    /** One client. Its counters grow as the engine reports bytes. */
    public static final class Client {
        private final long id;
        private final String remote;
        private final LocalTime since = LocalTime.now().withNano(0);
        private long bytesIn;
        private long bytesOut;

        Client(long id, String remote) {
            this.id = id;
            this.remote = remote;
        }

        public long id() {
            return id;
        }

        public String remote() {
            return remote;
        }

        public LocalTime since() {
            return since;
        }

        public long bytesIn() {
            return bytesIn;
        }

        public long bytesOut() {
            return bytesOut;
        }

        private long sampledIn;
        private long sampledOut;
        private long rate;
        private long peak;

        /** Bytes per second, in and out together, over the last whole second. */
        public long rate() {
            return rate;
        }

        /** The highest {@link #rate} this client has had. */
        public long peak() {
            return peak;
        }

        void sample() {
            rate = bytesIn - sampledIn + bytesOut - sampledOut;
            peak = Math.max(peak, rate);
            sampledIn = bytesIn;
            sampledOut = bytesOut;
        }
    }

    /** Once a second while there is traffic: each client's rate and peak. */
    public void sample() {
        byId.values().forEach(Client::sample);
        observers.forEach(Observer::changed);
    }

    /** What a view hears. */
    public interface Observer {
        void added(Client client);

        void removed(Client client);

        /** Counters changed; a view refreshes at most once a pulse. */
        void changed();
    }

    private final Map<Long, Client> byId = new LinkedHashMap<>();
    private final List<Observer> observers = new ArrayList<>();

    public void observe(Observer observer) {
        observers.add(observer);
    }

    void add(long id, String remote) {
        Client client = new Client(id, remote);
        byId.put(id, client);
        observers.forEach(o -> o.added(client));
    }

    void remove(long id) {
        Client client = byId.remove(id);
        if (client != null) {
            observers.forEach(o -> o.removed(client));
        }
    }

    void clear() {
        new ArrayList<>(byId.keySet()).forEach(this::remove);
    }

    void countIn(long id, long bytes) {
        Client client = byId.get(id);
        if (client != null) {
            client.bytesIn += bytes;
            observers.forEach(Observer::changed);
        }
    }

    void countOut(long id, long bytes) {
        Client client = byId.get(id);
        if (client != null) {
            client.bytesOut += bytes;
            observers.forEach(Observer::changed);
        }
    }

    public Client get(long id) {
        return byId.get(id);
    }

    public String remoteOf(long id) {
        Client client = byId.get(id);
        return client == null ? null : client.remote;
    }

    public List<Long> ids() {
        return List.copyOf(byId.keySet());
    }

    public int count() {
        return byId.size();
    }
}
