package io.github.dind.devcontainer.image.sbom;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApkInstalledTest {
    /** Records as apk-tools writes /lib/apk/db/installed (Alpine 3.21), file lines abridged. */
    static final String INSTALLED = """
            C:Q1Rr6h2TkA9Hx0iz2o1eNNYmrJ7x0=
            P:musl
            V:1.2.5-r9
            A:x86_64
            S:411323
            I:662528
            T:the musl c library (libc) implementation
            U:https://musl.libc.org/
            L:MIT
            o:musl
            m:Natanael Copa <ncopa@alpinelinux.org>
            t:1736341234
            c:aaaa
            F:lib
            R:ld-musl-x86_64.so.1
            a:0:0:755
            Z:Q1ZqCv8hAg=

            C:Q1abc=
            P:libstdc++
            V:14.2.0-r4
            A:x86_64
            L:GPL-2.0-or-later AND LGPL-2.1-or-later
            o:gcc
            F:usr/lib

            C:Q1def=
            P:busybox-binsh
            V:1.37.0-r12
            A:x86_64
            o:busybox
            """;

    @Test
    void readsEachRecord() {
        assertThat(ApkInstalled.parse(INSTALLED)).containsExactly(
                new OsPackage("musl", "1.2.5-r9", "x86_64", null, null, "MIT"),
                new OsPackage("libstdc++", "14.2.0-r4", "x86_64", "gcc", null, "GPL-2.0-or-later AND LGPL-2.1-or-later"),
                new OsPackage("busybox-binsh", "1.37.0-r12", "x86_64", "busybox", null, null));
    }

    @Test
    void aRecordWithoutNameOrVersionIsSkipped() {
        assertThat(ApkInstalled.parse("P:nameless-version\n\nV:1.0\nA:x86_64\n\nP:ok\nV:2\n"))
                .extracting(OsPackage::name).containsExactly("ok");
    }
}
