package io.casework.notifications.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.casework.notifications.service.WebhookDestinations.Kind;
import io.casework.notifications.service.WebhookDestinations.RefusedDestinationException;

class WebhookDestinationsTest {

    /** Names as a DNS server would answer them; nothing here is ever contacted. */
    static final Map<String, String> DNS = Map.of(
            "partner.example", "93.184.215.14",
            "internal.partner.example", "10.1.2.3",
            "metadata.google.internal", "169.254.169.254",
            "rebinder.example", "127.0.0.1");

    static final WebhookDestinations PRODUCTION = new WebhookDestinations(false, WebhookDestinationsTest::resolve);
    static final WebhookDestinations DEVELOPMENT = new WebhookDestinations(true, WebhookDestinationsTest::resolve);

    static InetAddress[] resolve(String host) throws UnknownHostException {
        String address = DNS.get(host);
        if (address == null) {
            // Literals only: never a real lookup.
            if (host.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':' || Character.digit(c, 16) >= 0)) {
                return new InetAddress[] { InetAddress.getByName(host) };
            }
            throw new UnknownHostException(host);
        }
        return new InetAddress[] { InetAddress.getByName(address) };
    }

    @ParameterizedTest
    @CsvSource({
            "127.0.0.1, LOOPBACK", "127.255.0.9, LOOPBACK", "::1, LOOPBACK",
            "10.0.0.1, PRIVATE", "172.16.5.4, PRIVATE", "172.31.255.255, PRIVATE", "192.168.1.1, PRIVATE",
            "fd12:3456::1, PRIVATE", "fc00::1, PRIVATE",
            "169.254.1.1, LINK_LOCAL", "fe80::1, LINK_LOCAL",
            "100.64.0.1, CGNAT", "100.127.255.254, CGNAT",
            "169.254.169.254, CLOUD_METADATA", "fd00:ec2::254, CLOUD_METADATA", "100.100.100.200, CLOUD_METADATA",
            "0.0.0.0, UNSPECIFIED", "::, UNSPECIFIED",
            "224.0.0.1, MULTICAST", "ff02::1, MULTICAST",
            "0.1.2.3, RESERVED", "240.0.0.1, RESERVED", "255.255.255.255, RESERVED", "198.18.0.1, RESERVED",
            "192.0.2.7, RESERVED", "2001:db8::1, RESERVED",
            // IPv4 inside IPv6: mapped, compatible, NAT64 and 6to4 forms of private addresses
            "::ffff:10.0.0.1, PRIVATE", "::ffff:169.254.169.254, CLOUD_METADATA", "::127.0.0.1, LOOPBACK",
            "64:ff9b::10.0.0.1, PRIVATE", "2002:a9fe:a9fe::1, CLOUD_METADATA", "2002:7f00:1::, LOOPBACK" })
    void nonPublicAddressesAreRecognised(String address, Kind kind) throws Exception {
        assertEquals(Optional.of(kind), WebhookDestinations.classify(InetAddress.getByName(address)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "93.184.215.14", "8.8.8.8", "100.63.255.255", "100.128.0.1", "172.32.0.1", "2606:4700::1111",
            "64:ff9b::8.8.8.8", "2002:808:808::1" })
    void publicAddressesAreNot(String address) throws Exception {
        assertEquals(Optional.empty(), WebhookDestinations.classify(InetAddress.getByName(address)));
    }

    @ParameterizedTest
    @ValueSource(strings = { "https://127.0.0.1/hooks", "https://[::1]:8443/hooks", "https://10.0.0.1/hooks",
            "https://internal.partner.example/hooks", "https://169.254.169.254/latest/meta-data/",
            "https://metadata.google.internal/computeMetadata/v1/", "https://[fd00:ec2::254]/", "https://100.64.1.1/",
            "https://[::ffff:192.168.0.1]/", "https://0.0.0.0:8080/" })
    void productionRefusesEveryNonPublicDestinationAtRegistration(String url) {
        RefusedDestinationException refused = assertThrows(RefusedDestinationException.class,
                () -> PRODUCTION.checkRegistration(URI.create(url)));
        assertTrue(refused.getMessage().startsWith("the host resolves to "), refused.getMessage());
        assertTrue(refused.getMessage().endsWith("address, which webhooks may not reach"), refused.getMessage());
    }

    @Test
    void refusalNamesTheKindButNotTheAddressANameResolvedTo() {
        RefusedDestinationException refused = assertThrows(RefusedDestinationException.class,
                () -> PRODUCTION.checkRegistration(URI.create("https://internal.partner.example/hooks")));
        assertEquals("the host resolves to a private address, which webhooks may not reach", refused.getMessage());
    }

    @Test
    void productionTakesHttpsToPublicAddressesAndNamesThatDoNotResolveYet() {
        assertDoesNotThrow(() -> PRODUCTION.checkRegistration(URI.create("https://partner.example/hooks")));
        assertDoesNotThrow(() -> PRODUCTION.checkRegistration(URI.create("https://not-yet.partner.example/hooks")));
        assertEquals("must be https", assertThrows(RefusedDestinationException.class,
                () -> PRODUCTION.checkRegistration(URI.create("http://partner.example/hooks"))).getMessage());
    }

    @Test
    void developmentTakesALocalReceiverOverHttpButNeitherMetadataNorPlainHttpToThePublicInternet() {
        assertDoesNotThrow(() -> DEVELOPMENT.checkRegistration(URI.create("http://127.0.0.1:9000/hooks")));
        assertDoesNotThrow(() -> DEVELOPMENT.checkRegistration(URI.create("http://internal.partner.example/hooks")));
        assertDoesNotThrow(() -> DEVELOPMENT.checkRegistration(URI.create("https://[::1]:9443/hooks")));
        assertThrows(RefusedDestinationException.class,
                () -> DEVELOPMENT.checkRegistration(URI.create("http://169.254.169.254/latest/meta-data/")));
        assertThrows(RefusedDestinationException.class,
                () -> DEVELOPMENT.checkRegistration(URI.create("https://metadata.google.internal/")));
        assertThrows(RefusedDestinationException.class, () -> DEVELOPMENT.checkRegistration(URI.create("http://0.0.0.0:9000/")));
        assertThrows(RefusedDestinationException.class, () -> DEVELOPMENT.checkRegistration(URI.create("http://partner.example/")));
        assertThrows(RefusedDestinationException.class, () -> DEVELOPMENT.checkRegistration(URI.create("http://nowhere.example/")));
    }

    @Test
    void everyAddressOfANameIsCheckedNotJustTheFirst() {
        WebhookDestinations destinations = new WebhookDestinations(false, host -> new InetAddress[] {
                InetAddress.getByName("93.184.215.14"), InetAddress.getByName("10.0.0.7") });
        assertThrows(RefusedDestinationException.class, () -> destinations.checkRegistration(URI.create("https://mixed.example/")));
        assertThrows(RefusedDestinationException.class, () -> destinations.resolve(URI.create("https://mixed.example/")));
    }

    @Test
    void anAttemptNeedsANameThatResolvesToAnAllowedAddressAndGetsTheCheckedOne() throws Exception {
        assertEquals(InetAddress.getByName("93.184.215.14"), PRODUCTION.resolve(URI.create("https://partner.example/x")).address());
        assertEquals("the host does not resolve", assertThrows(RefusedDestinationException.class,
                () -> PRODUCTION.resolve(URI.create("https://not-yet.partner.example/hooks"))).getMessage());
        assertThrows(RefusedDestinationException.class, () -> PRODUCTION.resolve(URI.create("https://rebinder.example/hooks")));
    }
}
