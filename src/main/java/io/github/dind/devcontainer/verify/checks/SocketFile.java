package io.github.dind.devcontainer.verify.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A Unix socket's file as {@code stat -c FORMAT} prints it (GNU coreutils and busybox both know these
 * directives). Connecting to a Unix socket needs write permission on its file (unix(7), "Pathname
 * socket ownership and permissions"), so the mode says who reaches the daemon behind it.
 *
 * @param id device and inode ({@code 64:2099044}): the same file under two paths ({@code /run} and
 *     {@code /var/run}) has one id
 * @param mode the permission bits, {@code 0660} as a number
 */
record SocketFile(String id, int mode, long uid, String user, String group, String path) {
    /** {@code %d:%i %a %u %g %U %G %n}: device:inode, octal mode, uid, gid, owner, group, path (last: it may hold spaces). */
    static final String FORMAT = "%d:%i %a %u %g %U %G %n";

    /** The lines stat printed; a path it could not stat prints nothing on stdout. */
    static List<SocketFile> parseAll(String stdout) {
        List<SocketFile> files = new ArrayList<>();
        for (String line : stdout.lines().toList()) {
            String[] f = line.split(" ", 7);
            if (f.length < 7) {
                continue;
            }
            try {
                files.add(new SocketFile(f[0], Integer.parseInt(f[1], 8), Long.parseLong(f[2]), f[4], f[5], f[6]));
            } catch (NumberFormatException e) {
                // not a stat line
            }
        }
        return files;
    }

    /** Any user may connect: the others' write bit. */
    boolean worldWritable() {
        return (mode & 0002) != 0;
    }

    /** {@code 0660 root:docker}. */
    String describe() {
        return String.format(Locale.ROOT, "%04o %s:%s", mode, user, group);
    }
}
