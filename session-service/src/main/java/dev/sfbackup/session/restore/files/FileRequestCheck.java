package dev.sfbackup.session.restore.files;

import dev.sfbackup.api.restore.RestoreRequest;
import dev.sfbackup.common.problem.ApiProblem;
import java.util.regex.Pattern;

/** The checks of a restore request's {@code files}; each failure names the field and what is allowed. */
public final class FileRequestCheck {

    private static final Pattern FILE_ID = Pattern.compile("(06[89]|00P)[A-Za-z0-9]{12}([A-Za-z0-9]{3})?");

    private FileRequestCheck() {
    }

    public static void validate(RestoreRequest.Files files) {
        if (files == null) {
            return;
        }
        boolean ids = files.ids() != null && !files.ids().isEmpty();
        if (!ids && !files.allOfTheRecords()) {
            throw ApiProblem.badRequest("files", "give ids (ContentVersion 068…, ContentDocument 069… or Attachment 00P… ids) or all: true"
                    + " (every file of the records restored), or leave files out");
        }
        for (String id : ids ? files.ids() : java.util.List.<String>of()) {
            if (id == null || !FILE_ID.matcher(id).matches()) {
                throw ApiProblem.badRequest("files.ids", "ContentVersion (068…), ContentDocument (069…) or Attachment (00P…) ids of 15 or 18 letters and digits, got '" + id + "'");
            }
        }
    }

    /** A request that restores only files, by id, needs no objects. */
    public static boolean filesOnly(RestoreRequest request) {
        return request.files() != null && request.files().ids() != null && !request.files().ids().isEmpty();
    }
}
