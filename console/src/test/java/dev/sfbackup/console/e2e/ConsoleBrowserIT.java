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
        suite.connection(orgName);
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

        // create a policy: without a name, policy-service's problem+json error lands beside the name field
        driver.get(suite.console.url() + "/policies/new");
        new Select(driver.findElement(By.id("connectionId"))).selectByVisibleText(optionStartingWith("connectionId", orgName));
        driver.findElement(By.id("objects")).clear();
        driver.findElement(By.id("objects")).sendKeys("Account, Contact");
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
        new WebDriverWait(driver, Duration.ofSeconds(240)).pollingEvery(Duration.ofMillis(500))
                .until(d -> ENDED.contains(d.findElement(By.id("run-status")).getText()));
        assertEquals("SUCCESS", driver.findElement(By.id("run-status")).getText(), driver.getPageSource());
        return url.substring(url.lastIndexOf('/') + 1);
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
