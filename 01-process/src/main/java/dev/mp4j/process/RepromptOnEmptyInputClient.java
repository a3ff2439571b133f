package dev.mp4j.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * P13 — seed 002, 2.2 守护进程 › socket聊天并发实例 › client端: the same client as P05 with the prompt {@code >>: },
 * but an empty line re-prompts instead of quitting, so the article's client never ends by itself.
 *
 * <p>Java differs: {@link #chat} takes the input and output streams, so a test can type for it; {@code
 * main} passes {@code System.in} and {@code System.out}. End of input (Ctrl+D, or the end of a piped file)
 * ends the client cleanly, where Python stops with EOFError. Like P05 it reads exactly as many bytes as it
 * sent, because upper-casing keeps the byte count. Server port: the first argument, or {@code -Dport=},
 * default 8080.
 */
public final class RepromptOnEmptyInputClient {

    private RepromptOnEmptyInputClient() {
    }

    static void chat(int port, InputStream input, PrintStream out) throws IOException {
        BufferedReader typed = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream toServer = client.getOutputStream();
            InputStream fromServer = client.getInputStream();
            while (true) {
                out.print(">>: ");
                out.flush();
                String line = typed.readLine();
                if (line == null) {
                    break; // end of input
                }
                String msg = line.strip(); // msg = input('>>: ').strip()
                if (msg.isEmpty()) {
                    continue; // if not msg: continue (P05 quits here)
                }
                byte[] sent = msg.getBytes(StandardCharsets.UTF_8);
                toServer.write(sent);
                byte[] reply = fromServer.readNBytes(sent.length);
                out.println(new String(reply, StandardCharsets.UTF_8));
            }
        }
    }

    public static void main(String[] args) throws IOException {
        chat(args.length > 0 ? Integer.parseInt(args[0]) : Integer.getInteger("port", 8080), System.in, System.out);
    }
}
