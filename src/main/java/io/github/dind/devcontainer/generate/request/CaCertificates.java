package io.github.dind.devcontainer.generate.request;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the {@code caCertificates} parameter: PEM files, or folders whose {@code *.crt} and
 * {@code *.pem} files are taken (not recursively, in name order; an empty folder adds nothing, so
 * a pom can name a host's local CA folder, such as Debian's /usr/local/share/ca-certificates,
 * whether or not it holds any). Only certificates leave this
 * class: each one is parsed as X.509 and written out again as PEM, so a private key or stray text
 * in a file can never reach the image. A file that cannot be read, holds no certificate, or holds
 * a private key is a problem with the parameter.
 */
public final class CaCertificates {
    /** Where generate puts them, inside the build context. */
    public static final String CONTEXT_FOLDER = "ca-certificates";

    /** One CA certificate as it goes into the image. */
    public record CaCertificate(String fileName, String pem, String sha256Fingerprint) {
    }

    /** A source that cannot be used: the file or folder, and the rule it breaks. */
    public record Problem(String source, String rule) {
    }

    private CaCertificates() {
    }

    /**
     * @param sources files and folders as the user named them
     * @param problems receives one message per unusable source (the rule it breaks)
     * @return the certificates, each under a unique {@code .crt} name made from its file's name
     */
    public static List<CaCertificate> read(List<Path> sources, List<Problem> problems) {
        List<CaCertificate> certificates = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<String> fingerprints = new HashSet<>();
        for (Path source : sources) {
            List<Path> files;
            if (Files.isDirectory(source)) {
                try (Stream<Path> listing = Files.list(source)) {
                    files = listing.filter(Files::isRegularFile).filter(CaCertificates::looksLikeCertificate).sorted().toList();
                } catch (IOException e) {
                    problems.add(new Problem(source.toString(), "a folder that can be read (" + e.getMessage() + ")"));
                    continue;
                }
            } else {
                files = List.of(source);
            }
            for (Path file : files) {
                readFile(file, problems).forEach(cert -> {
                    if (fingerprints.add(cert.sha256Fingerprint())) {
                        String name = uniqueName(baseName(file), names);
                        certificates.add(new CaCertificate(name, cert.pem(), cert.sha256Fingerprint()));
                    }
                });
            }
        }
        return certificates;
    }

    private static boolean looksLikeCertificate(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".crt") || name.endsWith(".pem");
    }

    private static List<CaCertificate> readFile(Path file, List<Problem> problems) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            problems.add(new Problem(file.toString(), "a PEM file that can be read (" + (e.getMessage() == null ? e : e.getMessage()) + ")"));
            return List.of();
        }
        String text = new String(content, StandardCharsets.US_ASCII);
        if (text.contains("PRIVATE KEY-----")) {
            problems.add(new Problem(file.toString(), "CA certificates only; it holds a private key, which must never go into an image"));
            return List.of();
        }
        if (!text.contains("-----BEGIN CERTIFICATE-----")) {
            problems.add(new Problem(file.toString(), "a PEM file of CA certificates (-----BEGIN CERTIFICATE-----)"));
            return List.of();
        }
        Collection<? extends Certificate> parsed;
        try {
            parsed = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(content));
        } catch (CertificateException e) {
            problems.add(new Problem(file.toString(), "a PEM file of X.509 certificates (" + e.getMessage() + ")"));
            return List.of();
        }
        List<CaCertificate> certificates = new ArrayList<>();
        for (Certificate certificate : parsed) {
            if (certificate instanceof X509Certificate x509) {
                try {
                    byte[] der = x509.getEncoded();
                    certificates.add(new CaCertificate(null, pem(der), fingerprint(der)));
                } catch (CertificateEncodingException e) {
                    problems.add(new Problem(file.toString(), "X.509 certificates that can be encoded (" + e.getMessage() + ")"));
                }
            }
        }
        if (certificates.isEmpty()) {
            problems.add(new Problem(file.toString(), "a PEM file that holds at least one X.509 certificate"));
        }
        return certificates;
    }

    private static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    /** As keytool prints it: upper-case hex pairs joined by colons. */
    static String fingerprint(byte[] der) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(der);
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String base = (dot > 0 ? name.substring(0, dot) : name).replaceAll("[^A-Za-z0-9_.-]", "_");
        return base.isEmpty() || base.startsWith(".") ? "ca" + base : base;
    }

    private static String uniqueName(String base, Set<String> taken) {
        String name = base + ".crt";
        for (int i = 2; !taken.add(name); i++) {
            name = base + "-" + i + ".crt";
        }
        return name;
    }
}
