package dev.sfbackup.console.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sfbackup.api.session.OrgObjectView;
import java.util.List;
import org.junit.jupiter.api.Test;

class ObjectPickerTest {

    private static final List<OrgObjectView> ORG = List.of(
            new OrgObjectView("Account", "Account", false, true, null),
            new OrgObjectView("Invoice__c", "Invoice", true, true, null),
            new OrgObjectView("Vote", "Vote", false, false, "cannot be queried without a filter"));

    private static List<Boolean> checked(String typed) {
        return ObjectPicker.of(ORG, typed).objects().stream().map(ObjectPicker.Choice::checked).toList();
    }

    @Test
    void theObjectsTheListNamesAreCheckedIgnoringCase() {
        assertEquals(List.of(true, true, false), checked("account, INVOICE__C"));
        assertEquals(List.of(false, true, false), checked("Invoice__c"));
        assertEquals(List.of(false, false, false), checked(""));
    }

    @Test
    void allChecksEveryObjectABackupCanRead() {
        assertEquals(List.of(true, true, false), checked("all"));
    }

    @Test
    void theSearchMatchesNameAndLabel() {
        assertEquals("invoice__c invoice", ObjectPicker.of(ORG, "").objects().get(1).search());
    }
}
