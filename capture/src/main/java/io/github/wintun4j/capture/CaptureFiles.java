// SPDX-License-Identifier: Apache-2.0
package io.github.wintun4j.capture;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Creates capture files. A capture holds the user's traffic, so the file is new (never an
 * existing file, and never the target of a symbolic link someone else planted: CREATE_NEW fails
 * on any existing name, links included, in one step with the creation) and readable by its owner
 * only, with the permissions given at creation rather than set afterwards, so that no other user
 * can open it in between. Where the file system has no POSIX permissions (Windows), the file gets
 * the default ACL of its directory.
 */
final class CaptureFiles {

    private static final Set<OpenOption> NEW_FILE = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY = PosixFilePermissions.asFileAttribute(
            EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));

    private CaptureFiles() {
    }

    /**
     * @return a channel to a new file, mode 0600 where POSIX permissions exist
     * @throws java.nio.file.FileAlreadyExistsException when the name exists, as a file, directory or link
     */
    static FileChannel create(Path file) throws IOException {
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        return posix ? FileChannel.open(file, NEW_FILE, OWNER_ONLY) : FileChannel.open(file, NEW_FILE);
    }
}
