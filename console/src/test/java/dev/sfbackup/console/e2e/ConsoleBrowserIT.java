package dev.sfbackup.console.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sfbackup.testing.TestTokens;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser against the packaged suite: the admin signs in, creates a policy (a refused form
 * shows its error beside the field), is kept from overwriting another admin's change, runs it twice from the console around a change in the org, sees it on the
 * dashboard, opens the run, browses records, a record's history and the difference of two points; a viewer sees no
 * Run button and a POST made by hand is refused by policy-service.
 */
class ConsoleBrowserIT {

    private static final Set<String> ENDED = Set.of("SUCCESS", "WARNING", "FAILED", "STOPPED");
    private static ConsoleSuite suite;
    private static Browser browser;

    @BeforeAll
    static void start() {
        suite = ConsoleSuite.start();
        suite.resetOrg();
        browser = new Browser();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void anAdminRunsAPolicyAndBrowsesItsBackupsAndAViewerCannotRunIt() throws Exception {
        String orgName = "e2e-org-" + System.nanoTime();
        String connectionId = suite.connection(orgName);
        suite.repository("e2e-repo");
        var driver = browser.driver;

        // sign in: the first page asked for is the login page
        driver.get(suite.console.url() + "/");
        assertTrue(driver.getCurrentUrl().contains("/login"), driver.getCurrentUrl());
        driver.findElement(By.id("user")).clear();
        driver.findElement(By.id("user")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys("wrong");
        driver.findElement(By.id("sign-in")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("login-error")).isEmpty());
        assertTrue(driver.findElement(By.id("login-error")).getText().contains("Wrong"));
        driver.findElement(By.id("password")).sendKeys(ConsoleSuite.ADMIN_PASSWORD);
        driver.findElement(By.id("sign-in")).click();
        awaitUrl(".*/$");
        assertTrue(driver.findElement(By.id("who")).getText().contains("admin"), driver.getPageSource());
        browser.screenshot("dashboard-empty");

        // create a policy: choosing the connection loads its org's objects (the script fetches them, so the button
        // that reloads the page for browsers without script is gone); search, pick through the list, then save
        driver.get(suite.console.url() + "/policies/new");
        assertTrue(driver.findElements(By.id("list-objects")).isEmpty(), "with script the objects load by themselves");
        assertTrue(driver.findElements(By.id("org-objects")).isEmpty(), "no objects before a connection is chosen");
        new Select(driver.findElement(By.id("connectionId"))).selectByVisibleText(optionStartingWith("connectionId", orgName));
        awaitElement("org-objects");
        driver.findElement(By.id("clear-objects")).click();
        driver.findElement(By.id("object-search")).sendKeys("contact");
        assertFalse(driver.findElement(By.id("org-object-Account")).isDisplayed(), "the search hides what it does not match");
        driver.findElement(By.id("org-object-Contact")).click();
        driver.findElement(By.id("object-search")).clear();
        driver.findElement(By.id("object-search")).sendKeys("account");
        assertFalse(driver.findElement(By.id("org-object-Contact")).isDisplayed());
        driver.findElement(By.id("org-object-Account")).click();
        assertEquals("Contact, Account", driver.findElement(By.id("objects")).getAttribute("value"));
        browser.screenshot("policy-new-objects-picked");
        // without a name, policy-service's problem+json error lands beside the name field; the picks are kept
        driver.findElement(By.id("save-policy")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("name-error")).isEmpty());
        assertTrue(driver.findElement(By.id("name-error")).getText().contains("must not be empty"), driver.getPageSource());
        browser.screenshot("policy-form-error");
        driver.findElement(By.id("name")).sendKeys("console-e2e");
        driver.findElement(By.id("save-policy")).click();
        awaitUrl(".*/policies/[0-9a-f-]{36}$");
        String policyUrl = driver.getCurrentUrl();
        assertTrue(policyUrl.matches(".*/policies/[0-9a-f-]{36}$"), policyUrl);
        String policyId = policyUrl.substring(policyUrl.lastIndexOf('/') + 1);
        assertEquals("enabled", driver.findElement(By.id("policy-state")).getText());
        List<String> saved = given().baseUri(suite.policy.url()).auth().oauth2(TestTokens.admin()).get("/api/v1/policies/" + policyId)
                .then().statusCode(200).extract().jsonPath().getList("scope.objects", String.class);
        assertEquals(List.of("Contact", "Account"), saved, "exactly the objects picked");

        // without script: the form's "List this org's objects" posts it back and the page comes with the objects
        String adminToken = TestTokens.admin(); // one token: the form's CSRF value is derived from it
        HttpResponse<String> page = get("/policies/new", adminToken);
        assertTrue(page.body().contains("id=\"list-objects\""), "the server renders the button for pages without script");
        String adminCsrf = csrfOf(page.body());
        HttpResponse<String> reloaded = postForm("/policies/new", adminToken,
                Map.of("_csrf", adminCsrf, "name", "typed, not saved", "connectionId", connectionId, "objects", "Case"));
        assertEquals(200, reloaded.statusCode(), reloaded.body());
        assertTrue(reloaded.body().matches("(?s).*id=\"org-object-Case\" value=\"Case\" checked.*"), "the typed list is checked in the picker");
        assertTrue(reloaded.body().contains("id=\"org-object-Account\""), reloaded.body());
        assertTrue(reloaded.body().contains("value=\"typed, not saved\""), "what was typed is kept");
        assertTrue(given().baseUri(suite.policy.url()).auth().oauth2(TestTokens.admin()).get("/api/v1/policies")
                .then().statusCode(200).extract().jsonPath().getList("findAll { it.name == 'typed, not saved' }").isEmpty(),
                "listing the objects saved nothing");

        // two admins: this one opens the form, another changes the policy meanwhile; saving is refused, not overwriting
        driver.findElement(By.id("edit-policy")).click();
        awaitUrl(".*/edit$");
        for (String change : List.of("disable", "enable")) {
            given().baseUri(suite.policy.url()).auth().oauth2(TestTokens.admin())
                    .post("/api/v1/policies/" + policyId + "/" + change).then().statusCode(200);
        }
        driver.findElement(By.id("retentionDays")).clear();
        driver.findElement(By.id("retentionDays")).sendKeys("31");
        driver.findElement(By.id("save-policy")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id("form-notice")).isEmpty());
        assertTrue(driver.findElement(By.id("form-notice")).getText().contains("Someone changed this policy"), driver.getPageSource());
        browser.screenshot("policy-edit-conflict");
        driver.get(policyUrl);
        driver.findElement(By.id("edit-policy")).click();
        awaitUrl(".*/edit$");
        driver.findElement(By.id("retentionDays")).clear();
        driver.findElement(By.id("retentionDays")).sendKeys("31");
        driver.findElement(By.id("save-policy")).click();
        awaitUrl(".*/policies/[0-9a-f-]{36}$");
        assertEquals(policyUrl, driver.getCurrentUrl());
        assertTrue(driver.findElement(By.tagName("main")).getText().contains("31 days"));

        // run it from the policy page; the run page follows it live until it ends
        driver.findElement(By.id("run-now")).click();
        String firstRun = awaitRunEnd();
        browser.screenshot("run-ended");

        // change the org and run again from the dashboard card
        Map<String, Object> changed = given().baseUri(suite.emulator.url()).contentType(ContentType.JSON)
                .body(Map.of("object", "Account", "update", 4, "delete", 2, "insert", 3))
                .post("/emulator/admin/mutate").then().statusCode(200).extract().as(Map.class);
        driver.get(suite.console.url() + "/");
        driver.findElement(By.cssSelector("#policy-" + policyId + " .run-now")).click();
        String secondRun = awaitRunEnd();
        assertFalse(firstRun.equals(secondRun));

        // the dashboard's anomalies: the second run deleted 2 of 60 Account records (above this suite's 2 %), linked
        // to that run (the run's end is reported, anomalies included, a moment after it ends: the page is reloaded)
        driver.get(suite.console.url() + "/");
        new WebDriverWait(driver, Duration.ofSeconds(60)).pollingEvery(Duration.ofSeconds(1)).until(d -> {
            d.navigate().refresh();
            return !d.findElements(By.cssSelector("#anomalies a[href='/runs/" + secondRun + "']")).isEmpty();
        });
        assertTrue(driver.findElement(By.id("anomalies")).getText().contains("Account records deleted"), driver.findElement(By.id("anomalies")).getText());
        assertTrue(driver.findElement(By.id("anomalies")).getText().contains("console-e2e"));

        // the dashboard's card shows the last run with its status colour; it opens the run with its sessions
        driver.get(suite.console.url() + "/");
        WebElement card = driver.findElement(By.id("policy-" + policyId));
        assertTrue(card.getAttribute("class").contains("status-SUCCESS"), card.getAttribute("class"));
        assertTrue(card.getText().contains(orgName), card.getText());
        assertTrue(driver.findElement(By.tagName("main")).getText().contains("e2e-repo"));
        browser.screenshot("dashboard");
        card.findElement(By.cssSelector("dd a")).click();
        awaitUrl(".*/runs/" + secondRun + "$");
        assertTrue(driver.getCurrentUrl().endsWith("/runs/" + secondRun), driver.getCurrentUrl());
        assertFalse(driver.findElements(By.cssSelector(".session-row")).isEmpty());
        browser.screenshot("run");

        // browse: the objects, Account's records as of the newest point, search, a changed record's history
        driver.get(suite.console.url() + "/browse/" + policyId);
        driver.findElement(By.linkText("Account")).click();
        awaitUrl(".*/browse/[0-9a-f-]{36}/Account$");
        List<WebElement> rows = driver.findElements(By.cssSelector("#records .record-row"));
        assertEquals(25, rows.size(), "a page of records");
        browser.screenshot("records");
        @SuppressWarnings("unchecked")
        String updatedId = ((List<String>) changed.get("updated")).getFirst();
        // by field: a free-text search for the id also finds the Accounts whose ParentId holds it
        driver.findElement(By.id("q")).sendKeys("Id:" + updatedId);
        driver.findElement(By.id("search")).click();
        awaitUrl(".*[?&]q=.+");
        rows = driver.findElements(By.cssSelector("#records .record-row"));
        assertEquals(1, rows.size());
        rows.getFirst().findElement(By.className("history-link")).click();
        awaitUrl(".*/Account/records/" + updatedId + "$");
        assertEquals(3, driver.findElements(By.cssSelector("#history thead th")).size(), "the field column and two versions");
        assertFalse(driver.findElements(By.cssSelector("#history td.changed")).isEmpty(), "the changed fields are highlighted");
        assertFalse(driver.findElements(By.id("restore-form")).isEmpty(), "an admin may restore the record");
        browser.screenshot("record-history");

        // compare the two points: 3 added, 4 changed, 2 deleted
        driver.get(suite.console.url() + "/browse/" + policyId + "/Account");
        driver.findElement(By.id("compare")).click();
        awaitUrl(".*/Account/compare\\?.*");
        String counts = driver.findElement(By.id("diff-counts")).getText();
        assertTrue(counts.contains("3") && counts.contains("4") && counts.contains("2"), counts);
        assertTrue(driver.findElement(By.id("diff")).getText().contains(updatedId));
        browser.screenshot("compare");

        // the restore wizard, from a deleted record's history: a refused plan first, then a dry run, then the run
        @SuppressWarnings("unchecked")
        String deletedId = ((List<String>) changed.get("deleted")).getFirst();
        driver.get(suite.console.url() + "/browse/" + policyId + "/Account/records/" + deletedId);
        driver.findElement(By.id("restore")).click();
        awaitUrl(".*/restores/new\\?.*");
        assertEquals("Account", driver.findElement(By.id("object-0")).getAttribute("value"));
        assertEquals(deletedId, driver.findElement(By.id("ids-0")).getAttribute("value"));
        assertFalse(new Select(driver.findElement(By.id("restorePointId"))).getFirstSelectedOption().getAttribute("value").isEmpty(),
                "the version chosen in the history is the point in time");
        driver.findElement(By.id("object-1")).sendKeys("Contact");
        driver.findElement(By.id("ids-1")).sendKeys("not-an-id");
        driver.findElement(By.id("dry-run")).click();
        awaitElement("ids-1-error");
        assertTrue(driver.findElement(By.id("ids-1-error")).getText().contains("15 or 18"), driver.getPageSource());
        browser.screenshot("restore-wizard-error");
        driver.findElement(By.id("object-1")).clear();
        driver.findElement(By.id("ids-1")).clear();
        driver.findElement(By.id("parents")).clear();
        driver.findElement(By.id("parents")).sendKeys("0");
        browser.screenshot("restore-wizard");
        driver.findElement(By.id("dry-run")).click();
        awaitRestoreEnd();
        assertEquals("Dry run of a restore from console-e2e", driver.findElement(By.tagName("h1")).getText());
        assertEquals("1", driver.findElement(By.id("counter-undeleted")).getText(), driver.getPageSource());
        assertTrue(driver.findElement(By.id("restore-report-lines")).getText().contains(deletedId));
        assertFalse(orgHas("Account", deletedId), "a dry run changes nothing");
        browser.screenshot("restore-dry-run");
        driver.findElement(By.id("run-restore")).click();
        String restoreId = awaitRestoreEnd();
        assertEquals("Restore from console-e2e", driver.findElement(By.tagName("h1")).getText());
        assertEquals("1", driver.findElement(By.id("counter-undeleted")).getText(), driver.getPageSource());
        assertTrue(orgHas("Account", deletedId), "the record is back in the org");
        assertTrue(driver.findElements(By.id("run-restore")).isEmpty(), "a run is not run again");
        browser.screenshot("restore-done");
        HttpResponse<String> report = get("/restores/" + restoreId + "/report.csv", TestTokens.admin());
        assertEquals(200, report.statusCode(), report.body());
        assertTrue(report.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(report.body().contains(deletedId) && report.body().contains("UNDELETE"), report.body());

        // export: Account at its newest point as CSV, streamed through the console
        driver.get(suite.console.url() + "/export?policyId=" + policyId);
        String accountPoint = new Select(driver.findElement(By.id("point"))).getOptions().stream()
                .filter(o -> o.getText().startsWith("Account ")).findFirst().orElseThrow().getAttribute("value");
        browser.screenshot("export");
        HttpResponse<String> csv = get("/export/point?point=" + accountPoint + "&format=CSV", TestTokens.admin());
        assertEquals(200, csv.statusCode(), csv.body());
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains(".csv"));
        assertTrue(csv.body().contains(updatedId), "the export holds the Accounts");

        // repositories: verify now answers with the result
        driver.get(suite.console.url() + "/repositories");
        driver.findElement(By.cssSelector(".repository-row .verify")).click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> !d.findElements(By.id("verify-result")).isEmpty());
        assertTrue(driver.findElement(By.id("verify-result")).getText().startsWith("OK"), driver.getPageSource());
        browser.screenshot("repository-verified");

        // audit: the three services' trails as one; the restore just run is there, by the admin
        driver.get(suite.console.url() + "/audit?action=restore.start&outcome=SUCCESS");
        List<WebElement> audited = driver.findElements(By.cssSelector("#audit .audit-row"));
        assertEquals(2, audited.size(), "the dry run and the run");
        assertTrue(audited.getFirst().getText().contains("session-service"), audited.getFirst().getText());
        driver.get(suite.console.url() + "/audit");
        assertTrue(driver.findElement(By.id("audit")).getText().contains("storage-service"));
        browser.screenshot("audit");

        // the policy form lists the org's objects (the policy's are checked): clear, search, select all shown
        driver.get(policyUrl + "/edit");
        assertFalse(driver.findElements(By.id("org-objects")).isEmpty(), pickerText());
        assertTrue(driver.findElement(By.id("org-object-Account")).isSelected());
        assertTrue(driver.findElement(By.id("org-object-Contact")).isSelected());
        assertFalse(driver.findElement(By.id("org-object-Case")).isSelected());
        driver.findElement(By.id("clear-objects")).click();
        assertEquals("", driver.findElement(By.id("objects")).getAttribute("value"));
        driver.findElement(By.id("object-search")).sendKeys("opportunity");
        assertFalse(driver.findElement(By.id("org-object-Account")).isDisplayed(), "the search hides what it does not match");
        driver.findElement(By.id("select-all-shown")).click();
        assertEquals("Opportunity", driver.findElement(By.id("objects")).getAttribute("value"));
        driver.findElement(By.id("org-object-Opportunity")).click();
        assertEquals("", driver.findElement(By.id("objects")).getAttribute("value"), "unchecking takes it out of the list");
        // the schedule's next runs, computed by the server while the cron is typed
        driver.findElement(By.id("cron")).clear();
        driver.findElement(By.id("cron")).sendKeys("0 0 2 * * ?");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> d.findElements(By.cssSelector("#schedule-preview li")).size() == 5);
        assertTrue(driver.findElement(By.id("schedule-preview")).getText().contains("02:00:00 UTC"), driver.findElement(By.id("schedule-preview")).getText());
        browser.screenshot("policy-form-objects-and-schedule");

        // a viewer: no Run button anywhere, and a POST made by hand is refused (by policy-service: 403)
        String viewer = TestTokens.viewer();
        driver.manage().deleteAllCookies();
        driver.get(suite.console.url() + "/static/console.css");
        driver.manage().addCookie(new Cookie.Builder("sfb_session", viewer).path("/").isHttpOnly(true).build());
        driver.get(suite.console.url() + "/");
        assertTrue(driver.findElement(By.id("who")).getText().contains("viewer"));
        assertTrue(driver.findElements(By.cssSelector(".run-now")).isEmpty(), "no Run button on the dashboard");
        driver.get(suite.console.url() + "/policies/" + policyId);
        assertTrue(driver.findElements(By.cssSelector(".run-now")).isEmpty(), "no Run button on the policy");
        assertTrue(driver.findElements(By.id("edit-policy")).isEmpty(), "no Edit button");
        driver.get(suite.console.url() + "/browse/" + policyId + "/Account/records/" + updatedId);
        assertFalse(driver.findElements(By.cssSelector("#history td.changed")).isEmpty(), "a viewer browses the history");
        assertTrue(driver.findElements(By.id("restore-form")).isEmpty(), "but sees no Restore");
        browser.screenshot("viewer-policy");
        driver.get(suite.console.url() + "/restores");
        assertTrue(driver.findElements(By.id("new-restore")).isEmpty(), "no New restore for a viewer");
        assertEquals(403, get("/restores/new?policyId=" + policyId, viewer).statusCode());
        assertEquals(403, get("/audit", viewer).statusCode(), "the audit trail is the admins'");
        String csrf = driver.findElement(By.cssSelector("form.signout input[name=_csrf]")).getAttribute("value");
        int runsBefore = runCount(policyId);
        HttpResponse<String> refused = post("/policies/" + policyId + "/run", viewer, csrf);
        assertEquals(403, refused.statusCode(), refused.body());
        assertEquals(runsBefore, runCount(policyId), "no run was started");
        // and without the form's CSRF value even an admin's POST is refused by the console itself
        HttpResponse<String> forged = post("/policies/" + policyId + "/run", TestTokens.admin(), "forged");
        assertEquals(403, forged.statusCode(), forged.body());
        assertEquals(runsBefore, runCount(policyId), "no run was started");
    }

    /** Waits until a form's answer has been followed to a page whose address matches. */
    private static void awaitUrl(String regex) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(d -> d.getCurrentUrl().matches(regex));
    }

    /** Waits on the run page until the run has ended; returns the run's id. */
    private static String awaitRunEnd() {
        var driver = browser.driver;
        awaitUrl(".*/runs/[0-9a-f-]{36}$");
        String url = driver.getCurrentUrl();
        assertTrue(url.matches(".*/runs/[0-9a-f-]{36}$"), url);
        // the live part is replaced every 2 s: an element read just before its replacement is stale, read again
        new WebDriverWait(driver, Duration.ofSeconds(240)).pollingEvery(Duration.ofMillis(500)).ignoring(StaleElementReferenceException.class)
                .until(d -> ENDED.contains(d.findElement(By.id("run-status")).getText()));
        assertEquals("SUCCESS", driver.findElement(By.id("run-status")).getText(), driver.getPageSource());
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** Waits on a restore's page until it has ended well; returns its id. */
    private static String awaitRestoreEnd() {
        var driver = browser.driver;
        awaitUrl(".*/restores/[0-9a-f-]{36}(\\?.*)?$");
        new WebDriverWait(driver, Duration.ofSeconds(120)).pollingEvery(Duration.ofMillis(500)).ignoring(StaleElementReferenceException.class)
                .until(d -> ENDED.contains(d.findElement(By.id("restore-status")).getText()));
        assertEquals("SUCCESS", driver.findElement(By.id("restore-status")).getText(), driver.getPageSource());
        String path = URI.create(driver.getCurrentUrl()).getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The emulator's ground truth: the record exists and is not deleted. */
    private static boolean orgHas(String object, String id) {
        return given().baseUri(suite.emulator.url()).get("/emulator/admin/objects/" + object + "/records")
                .then().statusCode(200).extract().asString().contains("\"Id\":\"" + id + "\"");
    }

    private static HttpResponse<String> get(String path, String sessionToken) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(suite.console.url() + path))
                .header("Cookie", "sfb_session=" + sessionToken).GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> postForm(String path, String sessionToken, Map<String, String> fields) throws Exception {
        String body = fields.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(suite.console.url() + path))
                .header("Cookie", "sfb_session=" + sessionToken)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The _csrf value of a page's first form. */
    private static String csrfOf(String html) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }

    /** Waits until an element is on the page; when it never comes, the failure shows the page that came instead. */
    private static void awaitElement(String id) {
        try {
            new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(d -> !d.findElements(By.id(id)).isEmpty());
        } catch (TimeoutException missing) {
            browser.screenshot("missing-" + id);
            throw new AssertionError("no #" + id + " on " + browser.driver.getCurrentUrl() + ":\n" + browser.driver.findElement(By.tagName("main")).getText(), missing);
        }
    }

    private static String pickerText() {
        return browser.driver.findElement(By.id("object-picker")).getText();
    }

    private static String optionStartingWith(String selectId, String prefix) {
        return new Select(browser.driver.findElement(By.id(selectId))).getOptions().stream().map(WebElement::getText)
                .filter(t -> t.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError("no option " + prefix));
    }

    private static int runCount(String policyId) {
        return given().baseUri(suite.session.url()).auth().oauth2(TestTokens.admin()).get("/api/v1/runs?policyId=" + policyId)
                .then().statusCode(200).extract().jsonPath().getList("$").size();
    }

    private static HttpResponse<String> post(String path, String sessionToken, String csrf) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(suite.console.url() + path))
                .header("Cookie", "sfb_session=" + sessionToken)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
