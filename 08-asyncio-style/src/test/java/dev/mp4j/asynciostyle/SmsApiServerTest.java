package dev.mp4j.asynciostyle;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class SmsApiServerTest {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void answersXItWorksAfterXSecondsAndErrorAfterThree() throws Exception {
        try (SmsApiServer server = SmsApiServer.start(0)) {
            long start = System.nanoTime();
            HttpResponse<String> two = get(server, "/2");
            double twoSeconds = (System.nanoTime() - start) / 1e9;
            assertThat(two.statusCode()).isEqualTo(200);
            assertThat(two.body()).isEqualTo("2 It works");
            assertThat(twoSeconds).isGreaterThanOrEqualTo(2 * Stdout.unit());

            start = System.nanoTime();
            HttpResponse<String> error = get(server, "/error");
            assertThat(error.body()).isEqualTo("error!");
            assertThat((System.nanoTime() - start) / 1e9).isGreaterThanOrEqualTo(3 * Stdout.unit());

            assertThat(get(server, "/abc").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void slowRequestsDoNotHoldUpQuickOnes() throws Exception {
        try (SmsApiServer server = SmsApiServer.start(0)) {
            CompletableFuture<HttpResponse<String>> five = client.sendAsync(request(server, "/5"), HttpResponse.BodyHandlers.ofString());
            CompletableFuture<HttpResponse<String>> one = client.sendAsync(request(server, "/1"), HttpResponse.BodyHandlers.ofString());
            assertThat(one.get().body()).isEqualTo("1 It works");
            assertThat(five.isDone()).isFalse();
            assertThat(five.get().body()).isEqualTo("5 It works");
        }
    }

    private HttpResponse<String> get(SmsApiServer server, String path) throws Exception {
        return client.send(request(server, path), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(SmsApiServer server, String path) {
        return HttpRequest.newBuilder(URI.create(server.url(path))).build();
    }
}
