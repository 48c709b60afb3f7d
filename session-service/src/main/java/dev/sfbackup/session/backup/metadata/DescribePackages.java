package dev.sfbackup.session.backup.metadata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfbackup.salesforce.SalesforceConnection;
import dev.sfbackup.session.backup.planning.RunPlanner;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.UncheckedIOException;

/**
 * Reads a describe from the org as a metadata package: {@code describeGlobal.json} for the org's object list,
 * {@code sobjects/<object>.json} for one object.
 */
@ApplicationScoped
public class DescribePackages {

    /** A metadata package: its name in the restore point and its JSON body. */
    public record DescribePackage(String name, byte[] body) {
    }

    private final ObjectMapper json;

    public DescribePackages(ObjectMapper json) {
        this.json = json;
    }

    /** object: an sObject name, or {@link RunPlanner#DESCRIBE_GLOBAL} for the describeGlobal. */
    public DescribePackage read(SalesforceConnection org, String object) {
        boolean global = RunPlanner.DESCRIBE_GLOBAL.equals(object);
        Object describe = global ? org.describeGlobal() : org.describe(object);
        try {
            return new DescribePackage(global ? "describeGlobal.json" : "sobjects/" + object + ".json", json.writeValueAsBytes(describe));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
