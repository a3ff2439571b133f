package dev.mp4j.locks;

import java.util.concurrent.locks.ReentrantLock;

/**
 * L03 — seed 003, 2.2 线程 › 2.2.3 不同线程间的数据共享: an {@code Account} whose balance one thread raises
 * 100000 times and another lowers 100000 times; each holds the lock for its whole loop, so the final
 * balance is 0 ("使用lock可以使其不被改乱" — the lock keeps it from being scrambled).
 *
 * <p>Java differs: these are threads of one JVM, so the lock is the JDK's {@link ReentrantLock} (the
 * counterpart of {@code threading.Lock}); the launcher's {@code Lock} would work too but crosses
 * processes, which threads do not need. The article's three 3-space-indented lines (an IndentationError
 * as printed) are simply indented correctly.
 */
public final class AccountBalanceWithLock {

    static final class Account {
        int balance = 0;

        void add(ReentrantLock lock) {
            lock.lock(); // 获得锁
            try {
                for (int i = 0; i < 100000; i++) {
                    balance += 1;
                }
            } finally {
                lock.unlock(); // 释放锁
            }
        }

        void delete(ReentrantLock lock) {
            lock.lock(); // 获得锁
            try {
                for (int i = 0; i < 100000; i++) {
                    balance -= 1;
                }
            } finally {
                lock.unlock(); // 释放锁
            }
        }
    }

    private AccountBalanceWithLock() {
    }

    public static void main(String[] args) throws InterruptedException {
        Account account = new Account();
        ReentrantLock lock = new ReentrantLock();
        // 创建线程
        Thread threadAdd = Thread.ofPlatform().name("Add").unstarted(() -> account.add(lock));
        Thread threadDelete = Thread.ofPlatform().name("Delete").unstarted(() -> account.delete(lock));

        // 启动线程
        threadAdd.start();
        threadDelete.start();

        // 等待线程结束
        threadAdd.join();
        threadDelete.join();

        System.out.println("The final balance is: " + account.balance);
    }
}
