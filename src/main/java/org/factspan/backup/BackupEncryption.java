package org.factspan.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.CipherInputStream;
import javax.crypto.CipherOutputStream;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts a backup with a passphrase in the format of {@code openssl enc -aes-256-cbc -pbkdf2 -iter 600000}:
 * {@code Salted__}, 8 random bytes of salt, then AES-256-CBC whose key and IV are PBKDF2-HMAC-SHA256 of the passphrase
 * (600,000 rounds, 48 bytes). Only the JDK is used to write it, and a stock {@code openssl} decrypts it, so restoring
 * needs neither Factspan nor a library (README, "Backups"; decision 017). CBC carries no authentication tag: the zip's
 * own CRCs catch a damaged file when it is unzipped.
 */
final class BackupEncryption {

    static final int ITERATIONS = 600_000;
    private static final byte[] MAGIC = "Salted__".getBytes(StandardCharsets.US_ASCII);

    private BackupEncryption() {
    }

    static void encrypt(InputStream plain, OutputStream out, char[] passphrase) throws IOException {
        byte[] salt = new byte[8];
        new SecureRandom().nextBytes(salt);
        out.write(MAGIC);
        out.write(salt);
        try (var encrypted = new CipherOutputStream(nonClosing(out), cipher(Cipher.ENCRYPT_MODE, passphrase, salt))) {
            plain.transferTo(encrypted);
        }
    }

    /** Decrypts what {@link #encrypt} (or openssl with the same options) wrote; tests and tools. */
    static InputStream decrypt(InputStream in, char[] passphrase) throws IOException {
        byte[] head = in.readNBytes(16);
        if (head.length != 16 || !Arrays.equals(Arrays.copyOf(head, 8), MAGIC)) {
            throw new IOException("Not an encrypted Factspan backup (no 'Salted__' header)");
        }
        return new CipherInputStream(in, cipher(Cipher.DECRYPT_MODE, passphrase, Arrays.copyOfRange(head, 8, 16)));
    }

    private static Cipher cipher(int mode, char[] passphrase, byte[] salt) throws IOException {
        try {
            byte[] keyAndIv = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(passphrase, salt, ITERATIONS, 48 * 8)).getEncoded();
            Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(mode, new SecretKeySpec(keyAndIv, 0, 32, "AES"), new IvParameterSpec(keyAndIv, 32, 16));
            Arrays.fill(keyAndIv, (byte) 0);
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new IOException("AES-256 or PBKDF2 is not available in this Java runtime", e);
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
