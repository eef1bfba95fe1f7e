package com.wifibilling.core.unifi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.wifibilling.core.Mac;
import com.wifibilling.core.gateway.UnifiController;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A controller on a self-signed certificate whose name is not the address we call, as UniFi controllers are: the
 * pinned SHA-256 lets the client in, any other certificate is refused before the credentials leave, and without a
 * pin the JDK's CAs refuse it. The certificate is made by the JDK's own keytool for each run.
 */
class UnifiCertificatePinTest {
    private static final char[] STORE_PASSWORD = "changeit".toCharArray();
    private static final UnifiGuest GUEST = new UnifiGuest(Mac.parse("AA:BB:CC:DD:EE:02"), 30, 1000, 2000, Optional.empty());

    private final MockWebServer controller = new MockWebServer();
    private String pin;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        Path store = dir.resolve("controller.p12");
        Path keytool = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("keytool");
        Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-keyalg", "EC", "-alias", "unifi", "-dname", "CN=unifi.local",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(STORE_PASSWORD))
                .redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, new String(process.getInputStream().readAllBytes()));
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, STORE_PASSWORD);
        }
        var certificate = (X509Certificate) keys.getCertificate("unifi");
        pin = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        var keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, STORE_PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        controller.useHttps(tls.getSocketFactory());
        controller.start();
    }

    @AfterEach
    void stop() {
        controller.close();
    }

    private UnifiClient client(String certSha256) {
        return new UnifiClient(new OkHttpClient(), new UnifiController(controller.url("/").toString(), "default", false, "env:UNIFI_LOGIN",
                certSha256), new UnifiCredentials("wb-portal", "s3cret-controller-pass"));
    }

    private void answerOk(int times) {
        for (int i = 0; i < times; i++)
            controller.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                    .addHeader("Set-Cookie", "unifises=s1; Path=/").body("{\"meta\":{\"rc\":\"ok\"},\"data\":[]}").build());
    }

    @Test
    void thePinnedCertificateIsTrustedWhateverItsName() throws Exception {
        answerOk(2);
        client(pin).authorizeGuest(GUEST);
        assertEquals("/api/login", controller.takeRequest().getTarget());
        assertEquals("/api/s/default/cmd/stamgr", controller.takeRequest().getTarget());
    }

    @Test
    void anyOtherCertificateIsRefusedBeforeTheCredentialsLeave() {
        answerOk(2);
        String other = (pin.charAt(0) == '0' ? "1" : "0") + pin.substring(1);
        var refused = assertThrows(UnifiException.class, () -> client(other).authorizeGuest(GUEST));
        assertEquals(UnifiException.Kind.UNAVAILABLE, refused.kind());
        assertEquals(0, controller.getRequestCount(), "no request got through the handshake");
    }

    @Test
    void withoutAPinASelfSignedControllerIsRefusedByTheJdksAuthorities() {
        answerOk(2);
        assertThrows(UnifiException.class, () -> client(null).authorizeGuest(GUEST));
        assertEquals(0, controller.getRequestCount());
    }
}
