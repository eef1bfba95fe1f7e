package com.wifibilling.core.unifi;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import javax.net.ssl.HostnameVerifier;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * Trusts exactly one certificate: the controller's, named by the SHA-256 of its DER encoding ({@code unifi.certSha256},
 * contracts/gateways.md §1). UniFi controllers mostly run on a self-signed certificate, often with a name that is not
 * the address we call, so neither a CA chain nor the hostname can vouch for them; the pin does instead — no other
 * certificate, however signed, gets the admin credentials. Without a pin the JDK's CAs and hostname check apply.
 */
final class CertificatePin implements X509TrustManager, HostnameVerifier {
    private final byte[] sha256;

    CertificatePin(String certSha256) {
        this.sha256 = HexFormat.of().parseHex(certSha256);
    }

    /** Returns {@code http} trusting only the pinned certificate. */
    OkHttpClient.Builder applyTo(OkHttpClient.Builder http) {
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new X509TrustManager[] {this}, null);
            return http.sslSocketFactory(tls.getSocketFactory(), this).hostnameVerifier(this);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has TLS", e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0 || !matches(chain[0]))
            throw new CertificateException("The controller's certificate is not the pinned one (unifi.certSha256)");
    }

    /** The handshake already refused any other certificate; this only confirms the session's leaf is the pinned one. */
    @Override
    public boolean verify(String hostname, SSLSession session) {
        try {
            return session.getPeerCertificates().length > 0 && session.getPeerCertificates()[0] instanceof X509Certificate leaf
                    && matches(leaf);
        } catch (SSLPeerUnverifiedException | CertificateException e) {
            return false;
        }
    }

    private boolean matches(X509Certificate certificate) throws CertificateException {
        try {
            return MessageDigest.isEqual(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()), sha256);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("This trust manager only checks servers");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
