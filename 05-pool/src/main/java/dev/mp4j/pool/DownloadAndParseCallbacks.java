package dev.mp4j.pool;

import dev.mp4j.launcher.Time;
import dev.mp4j.launcher.pool.AsyncResult;
import dev.mp4j.launcher.pool.Pool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * O03 — seed 001, 进程池 —>回调函数: "download" pages in the pool ({@code get_page}) and "parse" them
 * in the callback ({@code parse_page}).
 *
 * <p>The seed contradicts itself about where callbacks run: the prose says the main process runs them
 * ("主进程负责执行"), a code comment says a dedicated single process does. The printed pids settle it:
 * {@code parse_page} prints the main process's pid. Callbacks run in the parent, one at a time, on the
 * pool's single result-handler thread ("only one" is right, "process" is not). {@code get()} returns
 * {@code get_page}'s result, not the callback's; after {@code close(); join()} every callback has run.
 *
 * <p>No network: as in the article, a "downloaded page" is its URL string (there is no board/6 in the
 * article's list either).
 */
public final class DownloadAndParseCallbacks {

    static final List<String> URLS = List.of(
            "http://maoyan.com/board/1",
            "http://maoyan.com/board/2",
            "http://maoyan.com/board/3",
            "http://maoyan.com/board/4",
            "http://maoyan.com/board/5",
            "http://maoyan.com/board/7");

    private DownloadAndParseCallbacks() {
    }

    static String getPage(String url) {
        System.out.printf("(进程 %s) 正在下载页面 %s%n", ProcessHandle.current().pid(), url);
        Time.sleep(ThreadLocalRandom.current().nextInt(1, 4));
        return url; // 用url充当下载后的结果
    }

    static String parsePage(String pageContent) {
        System.out.printf("<进程 %s> 正在解析页面: %s%n", ProcessHandle.current().pid(), pageContent);
        Time.sleep(1);
        return String.format("{%s 回调函数处理结果:%s}", ProcessHandle.current().pid(), pageContent);
    }

    public static void main(String[] args) throws InterruptedException {
        Pool p = new Pool();
        List<AsyncResult<String>> resL = new ArrayList<>();
        // 异步的方式提交任务,然后把任务的结果交给callback处理
        for (String url : URLS) {
            resL.add(p.applyAsync(() -> getPage(url), DownloadAndParseCallbacks::parsePage));
        }
        // 异步提交完任务后,主进程先关闭p(必须先关闭),然后再用p.join()等待所有任务结束(包括callback)
        p.close();
        p.join();
        System.out.printf("{主进程 %s}%n", ProcessHandle.current().pid());
        // 收集结果,发现收集的是get_page的结果
        for (AsyncResult<String> i : resL) {
            String callbackRes = i.get();
            System.out.println(callbackRes);
        }
    }
}
