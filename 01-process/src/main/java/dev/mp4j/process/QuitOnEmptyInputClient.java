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
 * P05 — seed 001, sokcet 多并发 › client端的: an interactive client for the upper-casing server (P04): prompt
 * {@code >>>}, send the typed line, print the reply ({@code hello} gives {@code HELLO}); an empty line
 * quits (cf. P13, which re-prompts).
 *
 * <p>Java differs: {@link #chat} takes the input and output streams, so a test can type for it; {@code
 * main} passes {@code System.in} and {@code System.out}. Python's single {@code recv(1024)} may return
 * part of a reply; since upper-casing keeps the byte count, this client reads exactly as many bytes as it
 * sent. End of input also quits (Python would stop with EOFError). Server port: the first argument, or
 * {@code -Dport=}, default 8080.
 */
public final class QuitOnEmptyInputClient {

    private QuitOnEmptyInputClient() {
    }

    static void chat(int port, InputStream input, PrintStream out) throws IOException {
        BufferedReader typed = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
        try (Socket client = new Socket(InetAddress.getLoopbackAddress(), port)) {
            OutputStream toServer = client.getOutputStream();
            InputStream fromServer = client.getInputStream();
            while (true) {
                out.print(">>>");
                out.flush();
                String line = typed.readLine();
                if (line == null) {
                    break; // end of input
                }
                String msg = line.strip(); // msg = input('>>>').strip()
                if (msg.isEmpty()) {
                    break; // if not msg: break
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
