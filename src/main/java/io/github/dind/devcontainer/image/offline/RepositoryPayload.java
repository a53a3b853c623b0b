package io.github.dind.devcontainer.image.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Turns the warm-up's local repository, as the daemon hands it out ({@code GET /containers/ID/archive}:
 * a tar whose top folder is the copied folder's name), into the payload {@code install.sh} unpacks:
 * the same files under {@value OfflineRepository#TOP}/, owned by root and readable by all, without
 * the resolver's records of failed downloads ({@code *.lastUpdated}, {@code resolver-status.properties}:
 * they would keep Maven from trying again online), plus the key file the onCreateCommand compares;
 * entries' times are fixed, so the same downloads give the same payload.
 */
public final class RepositoryPayload {
    /** What a payload holds, for the log. */
    public record Summary(int files, long bytes) {
    }

    /** Every entry's time: the same downloads give the same payload, and so the same image layer. */
    private static final java.util.Date FIXED_TIME = new java.util.Date(0);

    private RepositoryPayload() {
    }

    /**
     * @throws IOException when the input is no tar or the output cannot be written
     */
    public static Summary write(InputStream fromDaemon, String key, OutputStream target) throws IOException {
        int files = 0;
        long bytes = 0;
        try (TarArchiveInputStream in = new TarArchiveInputStream(fromDaemon, StandardCharsets.UTF_8.name());
                TarArchiveOutputStream out = new TarArchiveOutputStream(target, StandardCharsets.UTF_8.name())) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                String rest = slash < 0 ? "" : name.substring(slash + 1);
                String trimmed = rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
                String base = trimmed.substring(trimmed.lastIndexOf('/') + 1);
                if (rest.contains("..") || !(entry.isDirectory() || entry.isFile())
                        || base.endsWith(".lastUpdated") || base.equals("resolver-status.properties")
                        || rest.equals(".devcontainer-offline-repository") || rest.equals(OfflineRepository.KEY_ENTRY)) {
                    continue;
                }
                TarArchiveEntry copy = new TarArchiveEntry(rest.isEmpty() ? OfflineRepository.TOP + "/"
                        : OfflineRepository.TOP + "/" + rest);
                copy.setMode(entry.isDirectory() ? 0755 : 0644);
                copy.setModTime(FIXED_TIME);
                if (entry.isFile()) {
                    copy.setSize(entry.getSize());
                    files++;
                    bytes += entry.getSize();
                }
                out.putArchiveEntry(copy);
                if (entry.isFile()) {
                    in.transferTo(out);
                }
                out.closeArchiveEntry();
            }
            byte[] keyBytes = (key + "\n").getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry keyEntry = new TarArchiveEntry(OfflineRepository.KEY_ENTRY);
            keyEntry.setMode(0644);
            keyEntry.setModTime(FIXED_TIME);
            keyEntry.setSize(keyBytes.length);
            out.putArchiveEntry(keyEntry);
            out.write(keyBytes);
            out.closeArchiveEntry();
            out.finish();
        }
        return new Summary(files, bytes);
    }
}
