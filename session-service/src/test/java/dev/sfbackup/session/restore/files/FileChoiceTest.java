package dev.sfbackup.session.restore.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sfbackup.api.restore.RestoreRequest;
import dev.sfbackup.api.storage.repository.PolicyFileView;
import dev.sfbackup.common.problem.ApiProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FileChoiceTest {

    private static final String V1 = "068000000000001AAA";
    private static final String V2 = "068000000000002AAA";
    private static final String V3 = "068000000000003AAA";
    private static final String D1 = "069000000000001AAA";
    private static final String D2 = "069000000000002AAA";
    private static final String ACCOUNT = "001000000000009AAA";

    private final FileChoice choice = new FileChoice(
            Map.of(V1, body(V1), V2, body(V2)),
            Map.of(V1, version(V1, D1, ACCOUNT), V2, version(V2, D2, "001000000000008AAA"), V3, version(V3, D2, ACCOUNT)));

    @Test
    void idsNameVersionsOrTheDocumentsWhoseStoredVersionHasABody() {
        List<String> unknown = new ArrayList<>();
        List<FileToRestore> chosen = choice.choose(new RestoreRequest.Files(List.of(V1, D2, "069000000000077AAA", V1), null),
                Set.of(), unknown);

        assertEquals(List.of(V1, V2), chosen.stream().map(FileToRestore::versionId).toList(), "each once, V3 has no body");
        assertEquals(List.of("069000000000077AAA"), unknown);
        assertEquals(D1, chosen.get(0).documentId());
        assertEquals(ACCOUNT, chosen.get(0).parentId());
    }

    @Test
    void allTakesTheVersionsFirstPublishedOnARestoredRecordEvenWithoutABody() {
        List<FileToRestore> chosen = choice.choose(new RestoreRequest.Files(null, true), Set.of(ACCOUNT), new ArrayList<>());

        assertEquals(Set.of(V1, V3), Set.copyOf(chosen.stream().map(FileToRestore::versionId).toList()));
        assertNull(chosen.stream().filter(file -> file.versionId().equals(V3)).findFirst().orElseThrow().body(),
                "reported as skipped: no body stored");
    }

    @Test
    void aFifteenCharacterIdFindsItsVersion() {
        List<FileToRestore> chosen = choice.choose(new RestoreRequest.Files(List.of(V2.substring(0, 15)), false), Set.of(),
                new ArrayList<>());

        assertEquals(List.of(V2), chosen.stream().map(FileToRestore::versionId).toList());
    }

    @Test
    void filesNeedIdsOrAllAndIdsOfFiles() {
        assertEquals("files", assertThrows(ApiProblem.class, () -> FileRequestCheck.validate(new RestoreRequest.Files(List.of(), false)))
                .toProblem().errors().get(0).field());
        assertEquals("files.ids", assertThrows(ApiProblem.class, () -> FileRequestCheck.validate(
                new RestoreRequest.Files(List.of(ACCOUNT), null))).toProblem().errors().get(0).field());
        FileRequestCheck.validate(new RestoreRequest.Files(List.of(V1, D1), null));
        FileRequestCheck.validate(new RestoreRequest.Files(null, true));
    }

    private static PolicyFileView body(String versionId) {
        return new PolicyFileView(UUID.randomUUID(), UUID.randomUUID(), versionId, versionId + ".bin", 10, "00");
    }

    private static ObjectNode version(String id, String document, String parent) {
        return JsonNodeFactory.instance.objectNode().put("Id", id).put("ContentDocumentId", document)
                .put("FirstPublishLocationId", parent).put("PathOnClient", id + ".pdf");
    }
}
