package dev.mp4j.manager;

import dev.mp4j.launcher.Address;
import dev.mp4j.launcher.Time;
import dev.mp4j.launcher.managers.DictProxy;
import dev.mp4j.launcher.managers.ListProxy;
import dev.mp4j.launcher.managers.Manager;
import dev.mp4j.launcher.managers.QueueProxy;
import java.nio.charset.StandardCharsets;

/**
 * A worker for {@link RemoteManagerServer}, in its own JVM on this or another machine: connects to the
 * manager by address and authkey ("依据地址来访问Manager" — reach the Manager by its address), takes
 * tasks from the shared queue until its stop marker, and writes {@code n * n} into the shared dict.
 *
 * <p>Settings: {@code -Dhost=127.0.0.1 -Dport=50000 -Dauthkey=...}, the server's.
 */
public final class RemoteManagerWorker {

    private RemoteManagerWorker() {
    }

    static void work(Address address, byte[] authkey) {
        String me = "worker " + ProcessHandle.current().pid();
        try (Manager manager = Manager.connect(address, authkey)) {
            QueueProxy<Integer> tasks = manager.lookup("tasks");
            DictProxy<Integer, Integer> results = manager.lookup("results");
            ListProxy<String> log = manager.lookup("log");
            int done = 0;
            for (Integer n = tasks.get(); n != null; n = tasks.get()) {
                Time.sleep(0.5); // the work a task stands for
                results.put(n, n * n);
                log.add(n + " by " + me);
                tasks.taskDone();
                done++;
            }
            tasks.taskDone(); // the stop marker
            System.out.println(me + " did " + done + " tasks");
        }
    }

    public static void main(String[] args) {
        Address address = Address.tcp(System.getProperty("host", "127.0.0.1"), Integer.getInteger("port", 50000));
        work(address, System.getProperty("authkey", RemoteManagerServer.DEFAULT_AUTHKEY).getBytes(StandardCharsets.UTF_8));
    }
}
