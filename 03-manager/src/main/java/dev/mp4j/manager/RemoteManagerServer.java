package dev.mp4j.manager;

import dev.mp4j.launcher.Address;
import dev.mp4j.launcher.managers.DictProxy;
import dev.mp4j.launcher.managers.ListProxy;
import dev.mp4j.launcher.managers.Manager;
import dev.mp4j.launcher.managers.QueueProxy;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Beyond M03 — seed 004: "在防火墙允许的情况下,我们完全能够将Manager运用于多计算机" (firewall permitting, a
 * Manager can serve several computers). This main runs a manager server on a TCP address with an
 * authkey and shares a task queue and a result dict; {@link RemoteManagerWorker}s on any machine that
 * knows the address and the key connect, take tasks and write results. It waits until every task is
 * done, prints the results and stops.
 *
 * <p>Settings: {@code -Dhost=127.0.0.1} (bind address; {@code 0.0.0.0} or the LAN address to serve other
 * machines), {@code -Dport=50000}, {@code -Dauthkey=...} (shared secret; the default is for a local
 * try only), {@code -Dtasks=10}, {@code -Dworkers=2} (one stop marker per worker).
 */
public final class RemoteManagerServer {

    static final String DEFAULT_AUTHKEY = "mp4j-demo-key";

    private RemoteManagerServer() {
    }

    /** Serves until all {@code tasks} are done by {@code workers} workers; returns task -> result. */
    static Map<Integer, Integer> run(Address bind, byte[] authkey, int tasks, int workers, Consumer<Address> ready, PrintStream out)
            throws InterruptedException {
        try (Manager manager = Manager.serve(bind, authkey)) {
            QueueProxy<Integer> taskQueue = manager.joinableQueue();
            DictProxy<Integer, Integer> results = manager.dict();
            ListProxy<String> log = manager.list();
            manager.publish("tasks", taskQueue);
            manager.publish("results", results);
            manager.publish("log", log);
            out.println("manager serving at " + manager.address());
            for (int n = 1; n <= tasks; n++) {
                taskQueue.put(n);
            }
            for (int i = 0; i < workers; i++) {
                taskQueue.put(null); // a stop marker per worker, like Python's None
            }
            ready.accept(manager.address());
            taskQueue.join(); // every task and every stop marker marked done
            Map<Integer, Integer> sorted = new TreeMap<>(results.copy());
            sorted.forEach((task, result) -> out.println("task " + task + " -> " + result));
            out.println(log.size() + " results from " + workers + " workers");
            return sorted;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Address bind = Address.tcp(System.getProperty("host", "127.0.0.1"), Integer.getInteger("port", 50000));
        byte[] authkey = System.getProperty("authkey", DEFAULT_AUTHKEY).getBytes(StandardCharsets.UTF_8);
        run(bind, authkey, Integer.getInteger("tasks", 10), Integer.getInteger("workers", 2),
                address -> System.out.println("start workers: ./run dev.mp4j.manager.RemoteManagerWorker -Dhost=... -Dport="
                        + address.port()), System.out);
    }
}
