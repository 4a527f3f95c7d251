package io.socketworkbench.tls;

import io.socketworkbench.engine.Address;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Certificates and keys from files, through Bouncy Castle's PEM reader (the JDK has none): PEM certificate chains
 * (leaf first, as servers send them), PEM private keys (PKCS#8, or the older RSA and EC forms), PKCS#12 files, and
 * the self-signed certificate for this machine that a server uses when given none. Failures say which file and
 * what is wrong with it, in plain words; encrypted keys are refused with how to decrypt them.
 */
public final class Certificates {
    private Certificates() {
    }

    /** The names the self-signed certificate is for: a server reached on this machine by any of them verifies. */
    public static final List<String> LOCAL_NAMES = List.of("localhost", "127.0.0.1", "::1");

    /** The certificates of a PEM file, in the file's order. */
    public static List<X509Certificate> readCertificates(Path pem) throws TlsFileException {
        List<X509Certificate> chain = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (PEMParser parser = new PEMParser(reader(pem))) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof X509CertificateHolder holder) {
                    chain.add(converter.getCertificate(holder));
                }
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new TlsFileException(pem, TlsFileException.Reason.NOT_CERTIFICATES, "not a PEM certificate file (" + e.getMessage() + ")");
        }
        if (chain.isEmpty()) {
            throw new TlsFileException(pem, TlsFileException.Reason.NO_CERTIFICATE, "holds no certificate (a PEM certificate starts with "
                    + "-----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    /** The private key of a PEM file: PKCS#8, or the older RSA and EC forms. */
    public static PrivateKey readKey(Path pem) throws TlsFileException {
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (PEMParser parser = new PEMParser(reader(pem))) {
            for (Object item = parser.readObject(); item != null; item = parser.readObject()) {
                if (item instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (item instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (item instanceof PEMEncryptedKeyPair || item instanceof PKCS8EncryptedPrivateKeyInfo) {
                    throw new TlsFileException(pem, TlsFileException.Reason.ENCRYPTED_KEY, "holds an encrypted key; decrypt it first, as with "
                            + "openssl pkey -in " + pem.getFileName() + " -out key.pem");
                }
            }
        } catch (TlsFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new TlsFileException(pem, TlsFileException.Reason.NOT_KEY, "not a PEM key file (" + e.getMessage() + ")");
        }
        throw new TlsFileException(pem, TlsFileException.Reason.NO_KEY, "holds no private key (a PEM key starts with -----BEGIN PRIVATE KEY-----)");
    }

    /** A certificate chain and its key from PEM files (one file may hold both). */
    public static KeyMaterial readPem(Path certificate, Path key) throws TlsFileException {
        List<X509Certificate> chain = readCertificates(certificate);
        PrivateKey privateKey = readKey(key);
        if (!matches(privateKey, chain.get(0))) {
            throw new TlsFileException(key, TlsFileException.Reason.KEY_MISMATCH, "is not the key of the certificate in " + certificate);
        }
        return new KeyMaterial(privateKey, chain);
    }

    /** The environment variable that holds a PKCS#12 file's password (none: the empty password). */
    public static final String PKCS12_PASSWORD = "SOCKET_WORKBENCH_P12_PASSWORD";

    /**
     * A key and its chain from {@code certificate}: a PKCS#12 file ({@code .p12}, {@code .pfx}; its password from
     * {@link #PKCS12_PASSWORD}, else empty), or PEM with the key in {@code key} (null: in the same file).
     */
    public static KeyMaterial read(Path certificate, Path key) throws TlsFileException {
        return read(certificate, key, null);
    }

    /** As {@link #read(Path, Path)}, a PKCS#12 file opened with {@code password} when one was typed (not null). */
    public static KeyMaterial read(Path certificate, Path key, Password password) throws TlsFileException {
        if (key == null && isPkcs12(certificate)) {
            String environment = System.getenv(PKCS12_PASSWORD);
            return readPkcs12(certificate, password != null ? password.chars()
                    : (environment == null ? "" : environment).toCharArray());
        }
        return readPem(certificate, key == null ? certificate : key);
    }

    /** Whether {@code file} is named as a PKCS#12 file ({@code .p12}, {@code .pfx}). */
    public static boolean isPkcs12(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString()
                .toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".p12") || name.endsWith(".pfx");
    }

    /** The first key entry of a PKCS#12 file. */
    public static KeyMaterial readPkcs12(Path file, char[] password) throws TlsFileException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    PrivateKey key = (PrivateKey) store.getKey(alias, password);
                    List<X509Certificate> chain = new ArrayList<>();
                    for (Certificate c : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    return new KeyMaterial(key, chain);
                }
            }
        } catch (IOException e) {
            if (e.getCause() instanceof java.security.UnrecoverableKeyException || String.valueOf(e.getMessage())
                    .contains("password")) {
                throw new TlsFileException(file, TlsFileException.Reason.PASSWORD, "needs another password (set it in "
                        + PKCS12_PASSWORD + ")");
            }
            throw new TlsFileException(file, TlsFileException.Reason.NOT_PKCS12, "cannot be read as PKCS#12 (" + e.getMessage() + ")");
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new TlsFileException(file, TlsFileException.Reason.NOT_PKCS12, "cannot be read as PKCS#12 (" + e.getMessage() + ")");
        }
        throw new TlsFileException(file, TlsFileException.Reason.NO_KEY, "holds no private key");
    }

    /**
     * The self-signed certificate for this machine, kept in {@code folder} ({@code localhost-cert.pem} and
     * {@code localhost-key.pem}, the key readable by its owner only): made once, on first use, then read.
     */
    public static KeyMaterial selfSigned(Path folder) throws TlsFileException {
        Path cert = folder.resolve("localhost-cert.pem");
        Path key = folder.resolve("localhost-key.pem");
        if (Files.isRegularFile(cert) && Files.isRegularFile(key)) {
            KeyMaterial kept = readPem(cert, key);
            try {
                kept.leaf().checkValidity(Date.from(Instant.now().plus(Duration.ofDays(1))));
                return kept;
            } catch (java.security.cert.CertificateException expiring) {
                // made again below
            }
        }
        KeyMaterial made = makeSelfSigned("Socket Workbench (localhost)", LOCAL_NAMES, Duration.ofDays(3650));
        try {
            Files.createDirectories(folder);
            write(key, pem(made.key()), true);
            write(cert, pem(made.leaf()), false);
        } catch (IOException e) {
            throw new TlsFileException(folder, TlsFileException.Reason.UNWRITABLE, "cannot be written (" + e.getMessage() + ")");
        }
        return made;
    }

    /** A new EC P-256 key and a certificate it signs itself, for {@code names} (host names and IP addresses). */
    public static KeyMaterial makeSelfSigned(String commonName, List<String> names, Duration valid) {
        return makeSelfSigned(commonName, names, Instant.now().minus(Duration.ofMinutes(5)),
                Instant.now().plus(valid));
    }

    /** The same, valid from {@code notBefore} to {@code notAfter} (a test's expired certificate). */
    public static KeyMaterial makeSelfSigned(String commonName, List<String> names, Instant notBefore,
                                             Instant notAfter) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
            KeyPair pair = generator.generateKeyPair();
            X500Name subject = new X500Name("CN=" + commonName.replace(",", "\\,"));
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                    new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE), Date.from(notBefore),
                    Date.from(notAfter), subject, pair.getPublic());
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign));
            builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                    new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    utils.createSubjectKeyIdentifier(pair.getPublic()));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(pair.getPublic()));
            List<GeneralName> altNames = new ArrayList<>();
            for (String name : names) {
                boolean ip = Address.isNumericHost(name);
                altNames.add(ip ? new GeneralName(GeneralName.iPAddress, name)
                        : new GeneralName(GeneralName.dNSName, name));
            }
            if (!altNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false,
                        new DERSequence(altNames.toArray(GeneralName[]::new)));
            }
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
            return new KeyMaterial(pair.getPrivate(), List.of(certificate));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("cannot make a certificate: " + e.getMessage(), e);
        }
    }

    /** The SHA-256 fingerprint as OpenSSL prints it: {@code AB:CD:...}, 32 pairs. */
    public static String fingerprint(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean matches(PrivateKey key, X509Certificate certificate) {
        try {
            String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA"
                    : key.getAlgorithm().equals("RSA") ? "SHA256withRSA" : null;
            if (algorithm == null) {
                return true; // another kind of key: the handshake will tell
            }
            byte[] probe = "socket-workbench".getBytes(StandardCharsets.US_ASCII);
            java.security.Signature signer = java.security.Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            java.security.Signature verifier = java.security.Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** A certificate, or a private key as PKCS#8 ({@code BEGIN PRIVATE KEY}), as PEM text. */
    public static String pem(Object item) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            if (item instanceof PrivateKey key) {
                writer.writeObject(new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(key, null));
            } else {
                writer.writeObject(item);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString();
    }

    /**
     * Writes {@code material} as PEM, as Python's {@code load_cert_chain} loads it: the chain, leaf first, into
     * {@code certificate}, and the key (readable by its owner only) into {@code key}.
     */
    public static void writePem(KeyMaterial material, Path certificate, Path key) throws IOException {
        StringBuilder chain = new StringBuilder();
        for (X509Certificate c : material.chain()) {
            chain.append(pem(c));
        }
        write(certificate, chain.toString(), false);
        write(key, pem(material.key()), true);
    }

    private static void write(Path file, String text, boolean secret) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), ".tls", ".tmp");
        try {
            if (secret) {
                try {
                    Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system
                }
            }
            try (Writer writer = Files.newBufferedWriter(temp, StandardCharsets.US_ASCII)) {
                writer.write(text);
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static Reader reader(Path file) throws TlsFileException {
        try {
            return Files.newBufferedReader(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw e instanceof java.nio.file.NoSuchFileException
                    ? new TlsFileException(file, TlsFileException.Reason.MISSING, "does not exist")
                    : new TlsFileException(file, TlsFileException.Reason.UNREADABLE,
                            "cannot be read (" + e.getMessage() + ")");
        }
    }
}
