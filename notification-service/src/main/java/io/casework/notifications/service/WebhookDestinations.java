package io.casework.notifications.service;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.casework.notifications.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps webhooks from reaching into the network Casework runs in (server-side request forgery): a destination
 * whose host resolves to a loopback, private, link-local, carrier-grade NAT, multicast, unspecified, reserved or
 * cloud metadata address is refused when the webhook is registered, and again before every attempt, when the
 * name is resolved anew and the request goes to the very address that was checked (a DNS answer that changes in
 * between cannot swap it). {@code allow-private-destinations} (development only) lets loopback, private,
 * link-local and CGNAT addresses through, over plain http too; metadata and the rest stay refused.
 */
@ApplicationScoped
public class WebhookDestinations {

    /** Turns a host name into its addresses; the JDK's resolver outside tests. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** Why a destination is refused; the message names the kind of address, never the address a name resolved to. */
    public static final class RefusedDestinationException extends Exception {

        RefusedDestinationException(String message) {
            super(message);
        }
    }

    /** The address to connect to for one attempt, checked. */
    public record Destination(URI url, InetAddress address) {
    }

    private final boolean allowPrivate;
    private final Resolver resolver;

    @Inject
    WebhookDestinations(NotificationConfig config) {
        this(config.webhooks().allowPrivateDestinations(), InetAddress::getAllByName);
    }

    public WebhookDestinations(boolean allowPrivate, Resolver resolver) {
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
    }

    public boolean allowsPrivate() {
        return allowPrivate;
    }

    /**
     * At registration: refuses a host that resolves to any address it may not reach, and plain http to anything but
     * a private destination in development. A name that does not resolve (yet) is accepted; every attempt checks it.
     */
    public void checkRegistration(URI url) throws RefusedDestinationException {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host(url));
        } catch (UnknownHostException e) {
            if (!"https".equals(scheme(url))) {
                throw new RefusedDestinationException(httpRefusal());
            }
            return;
        }
        check(url, addresses);
    }

    /** Before an attempt: resolves the host, checks every address, and names the one to connect to. */
    public Destination resolve(URI url) throws RefusedDestinationException {
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host(url));
        } catch (UnknownHostException e) {
            throw new RefusedDestinationException("the host does not resolve");
        }
        check(url, addresses);
        return new Destination(url, addresses[0]);
    }

    private void check(URI url, InetAddress[] addresses) throws RefusedDestinationException {
        if (addresses.length == 0) {
            throw new RefusedDestinationException("the host does not resolve");
        }
        boolean allPrivate = true;
        for (InetAddress address : addresses) {
            Optional<Kind> kind = classify(address);
            if (kind.isEmpty()) {
                allPrivate = false;
                continue;
            }
            if (!(allowPrivate && kind.get().allowedInDevelopment)) {
                throw new RefusedDestinationException("the host resolves to " + kind.get().description
                        + " address, which webhooks may not reach");
            }
        }
        if (!"https".equals(scheme(url)) && !(allowPrivate && allPrivate)) {
            throw new RefusedDestinationException(httpRefusal());
        }
    }

    private String httpRefusal() {
        return allowPrivate ? "plain http is accepted only for a receiver on a local or private address; use https"
                : "must be https";
    }

    private static String host(URI url) {
        String host = url.getHost();
        // An IPv6 literal comes bracketed.
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static String scheme(URI url) {
        return url.getScheme().toLowerCase(Locale.ROOT);
    }

    /** Kinds of address a webhook may not reach; only the first four in development. */
    enum Kind {
        LOOPBACK("a loopback", true),
        PRIVATE("a private", true),
        LINK_LOCAL("a link-local", true),
        CGNAT("a carrier-grade NAT", true),
        CLOUD_METADATA("a cloud metadata", false),
        UNSPECIFIED("an unspecified", false),
        MULTICAST("a multicast", false),
        RESERVED("a reserved", false);

        final String description;
        final boolean allowedInDevelopment;

        Kind(String description, boolean allowedInDevelopment) {
            this.description = description;
            this.allowedInDevelopment = allowedInDevelopment;
        }
    }

    private static final List<InetAddress> METADATA = List.of(
            literal("169.254.169.254"), // AWS, GCP, Azure, OpenStack, ...
            literal("169.254.170.2"), // AWS ECS task metadata
            literal("100.100.100.200"), // Alibaba Cloud
            literal("fd00:ec2::254")); // AWS over IPv6

    /** What kind of non-public address this is; empty for a public (globally routable) one. */
    static Optional<Kind> classify(InetAddress address) {
        if (METADATA.contains(address)) {
            return Optional.of(Kind.CLOUD_METADATA);
        }
        if (address instanceof Inet6Address v6) {
            Optional<InetAddress> embedded = embeddedIpv4(v6.getAddress());
            if (embedded.isPresent()) {
                return classify(embedded.get());
            }
        }
        if (address.isAnyLocalAddress()) {
            return Optional.of(Kind.UNSPECIFIED);
        }
        if (address.isLoopbackAddress()) {
            return Optional.of(Kind.LOOPBACK);
        }
        if (address.isMulticastAddress()) {
            return Optional.of(Kind.MULTICAST);
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of(Kind.LINK_LOCAL);
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of(Kind.PRIVATE);
        }
        byte[] b = address.getAddress();
        int b0 = b[0] & 0xff;
        int b1 = b[1] & 0xff;
        if (address instanceof Inet4Address) {
            if (b0 == 100 && (b1 & 0xc0) == 64) {
                return Optional.of(Kind.CGNAT); // 100.64.0.0/10
            }
            if (b0 == 0 // "this network"
                    || (b0 == 192 && b1 == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (b0 == 192 && b1 == 0 && (b[2] & 0xff) == 2) // TEST-NET-1
                    || (b0 == 198 && (b1 & 0xfe) == 18) // benchmarking
                    || (b0 == 198 && b1 == 51 && (b[2] & 0xff) == 100) // TEST-NET-2
                    || (b0 == 203 && b1 == 0 && (b[2] & 0xff) == 113) // TEST-NET-3
                    || b0 >= 240) { // reserved and broadcast
                return Optional.of(Kind.RESERVED);
            }
            return Optional.empty();
        }
        if ((b0 & 0xfe) == 0xfc) {
            return Optional.of(Kind.PRIVATE); // unique local fc00::/7
        }
        if ((b0 == 0x20 && b1 == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) // documentation 2001:db8::/32
                || (b0 == 0x01 && b1 == 0 && allZero(b, 2, 8)) // discard 100::/64
                || (b0 & 0xe0) != 0x20) { // outside global unicast 2000::/3
            return Optional.of(Kind.RESERVED);
        }
        return Optional.empty();
    }

    /** The IPv4 address inside an IPv4-mapped, IPv4-compatible, NAT64 (64:ff9b::/96) or 6to4 (2002::/16) one. */
    private static Optional<InetAddress> embeddedIpv4(byte[] b) {
        byte[] v4 = null;
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            v4 = Arrays.copyOfRange(b, 12, 16); // ::ffff:a.b.c.d
        } else if (allZero(b, 0, 12) && !(allZero(b, 12, 15) && (b[15] & 0xff) <= 1)) {
            v4 = Arrays.copyOfRange(b, 12, 16); // ::a.b.c.d (not :: or ::1)
        } else if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12)) {
            v4 = Arrays.copyOfRange(b, 12, 16); // 64:ff9b::a.b.c.d
        } else if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            v4 = Arrays.copyOfRange(b, 2, 6); // 2002:aabb:ccdd::
        }
        if (v4 == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(v4));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4 bytes are an IPv4 address", e);
        }
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static InetAddress literal(String address) {
        try {
            return InetAddress.getByName(address); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
