package dev.sfbackup.session.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sfbackup.testing.ProjectRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * deploy/monitoring parses (the alert rules as YAML, the dashboard as JSON) and uses only metrics the suite documents
 * in deploy/monitoring/README.md (promtool, where installed, checks the PromQL itself).
 */
class MonitoringFilesTest {

    private static final Path MONITORING = ProjectRoot.find().resolve("deploy/monitoring");
    private static final Pattern METRIC = Pattern.compile("backup_[a-z_]+");
    private static final List<String> SUFFIXES = List.of("_total", "_sum", "_count", "_max");

    @Test
    void everyAlertRuleHasANameAnExpressionAndASummaryOverDocumentedMetrics() throws IOException {
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(MONITORING.resolve("alerts.yml").toFile())
                .path("groups").get(0).path("rules");
        assertTrue(rules.size() >= 3, "last success too old, run failed, cache waiting too long: " + rules);
        List<String> expressions = new ArrayList<>();
        for (JsonNode rule : rules) {
            assertFalse(rule.path("alert").asText().isBlank(), rule.toString());
            assertFalse(rule.path("annotations").path("summary").asText().isBlank(), rule.toString());
            expressions.add(rule.path("expr").asText());
        }
        assertEquals(Set.of(), undocumented(expressions));
    }

    @Test
    void everyDashboardPanelQueriesDocumentedMetrics() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(
                MONITORING.resolve("grafana/provisioning/dashboards/sfbackup-overview.json").toFile());
        List<String> expressions = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            assertTrue(panel.path("targets").size() > 0, "a panel without query: " + panel.path("title"));
            panel.path("targets").forEach(target -> expressions.add(target.path("expr").asText()));
        }
        assertEquals(Set.of(), undocumented(expressions));
    }

    private static Set<String> undocumented(List<String> expressions) throws IOException {
        String documented = Files.readString(MONITORING.resolve("README.md"));
        Set<String> missing = new TreeSet<>();
        for (String expression : expressions) {
            Matcher metric = METRIC.matcher(expression);
            while (metric.find()) {
                if (!documented.contains("`" + base(metric.group()))) {
                    missing.add(metric.group());
                }
            }
        }
        return missing;
    }

    private static String base(String name) {
        return SUFFIXES.stream().filter(name::endsWith).findFirst().map(s -> name.substring(0, name.length() - s.length()))
                .orElse(name);
    }
}
