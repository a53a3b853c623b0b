package io.github.dind.devcontainer.verify.verdict;

import io.github.dind.devcontainer.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;

/**
 * A SHA-256 that changes whenever a jar's content does, read from the jar's central directory
 * alone: it lists every entry's name, CRC-32, sizes and time, so any changed byte of any entry
 * changes it. The plugin jar bundles its libraries (23 MB); hashing all of it took 0.1–0.3 s,
 * the directory (about 1 MB) a few milliseconds. A jar whose directory cannot be found this way
 * (a ZIP64 archive, a comment that hides the end record) is hashed whole.
 *
 * <p>Layout: PKWARE APPNOTE.TXT 4.3.16 (end of central directory record: signature 0x06054b50,
 * central directory size at offset 12, its start at offset 16, comment length at offset 20).
 */
final class JarDigest {
    private static final int END_RECORD = 22;
    private static final int END_SIGNATURE = 0x06054b50;
    private static final int MAX_COMMENT = 0xffff;

    private JarDigest() {
    }

    /**
     * @return {@code sha256:<hex>} of the central directory and the file's size, or
     *     {@code sha256-file:<hex>} of the whole file
     * @throws IOException when the file cannot be read
     */
    static String of(Path jar) throws IOException {
        try (FileChannel channel = FileChannel.open(jar, StandardOpenOption.READ)) {
            long size = channel.size();
            int tailLength = (int) Math.min(size, END_RECORD + MAX_COMMENT);
            ByteBuffer tail = read(channel, size - tailLength, tailLength);
            for (int at = tailLength - END_RECORD; at >= 0; at--) {
                if (tail.getInt(at) != END_SIGNATURE || at + END_RECORD + Short.toUnsignedInt(tail.getShort(at + 20)) != tailLength) {
                    continue;
                }
                long directorySize = Integer.toUnsignedLong(tail.getInt(at + 12));
                long directoryStart = Integer.toUnsignedLong(tail.getInt(at + 16));
                if (directorySize == 0xffffffffL || directoryStart == 0xffffffffL
                        || directoryStart + directorySize > size - tailLength + at) {
                    break; // ZIP64, or not where it says: hash the whole file
                }
                MessageDigest digest = Sha256.newDigest();
                digest.update(read(channel, directoryStart, (int) directorySize));
                digest.update(ByteBuffer.allocate(Long.BYTES).putLong(0, size));
                return "sha256:" + Sha256.hex(digest);
            }
        }
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(jar), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return "sha256-file:" + Sha256.hex(digest);
    }

    private static ByteBuffer read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("The jar ends early");
            }
        }
        return buffer.flip();
    }
}
