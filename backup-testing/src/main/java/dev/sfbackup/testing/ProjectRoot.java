package dev.sfbackup.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** The checkout's root folder, found by walking up from the working directory of the test JVM. */
public final class ProjectRoot {

    private ProjectRoot() {
    }

    public static Path find() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("deploy/local/postgres.sh")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the project root (a folder with mvnw and deploy/local/postgres.sh) above "
                + Path.of("").toAbsolutePath());
    }
}
