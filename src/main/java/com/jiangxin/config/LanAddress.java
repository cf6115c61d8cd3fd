package com.jiangxin.config;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * This machine's address on the local network, for students' phones when the teacher opened the
 * server as {@code localhost}: a private (site-local) IPv4 address of an interface that is up, is
 * not the loopback and does not belong to a container or virtual-machine bridge or a VPN tunnel.
 */
public final class LanAddress {
  /** Interface name prefixes of bridges and tunnels that students' phones cannot reach. */
  private static final List<String> VIRTUAL = List.of("docker", "br-", "veth", "virbr", "vmnet", "vboxnet",
    "cni", "flannel", "podman", "lxc", "lxd", "tun", "tap", "utun", "wg", "zt", "tailscale", "vethernet");

  /** One IPv4 address of one interface. */
  record Candidate(String interfaceName, int interfaceIndex, Inet4Address address) {
  }

  private LanAddress() {
  }

  /** Looks at the network interfaces once; empty when none fits (or they cannot be read). */
  static Optional<String> detect() {
    List<Candidate> candidates = new ArrayList<>();
    try {
      for (NetworkInterface ni : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (!ni.isUp() || ni.isLoopback() || ni.isVirtual() || ni.isPointToPoint()) {
          continue;
        }
        for (InetAddress a : Collections.list(ni.getInetAddresses())) {
          if (a instanceof Inet4Address v4) {
            candidates.add(new Candidate(ni.getName(), ni.getIndex(), v4));
          }
        }
      }
    } catch (SocketException | RuntimeException e) {
      return Optional.empty();
    }
    return choose(candidates);
  }

  /** The first usable candidate, in the order the system numbers its interfaces. */
  static Optional<String> choose(List<Candidate> candidates) {
    return candidates.stream()
      .filter(c -> c.address().isSiteLocalAddress() && !c.address().isLoopbackAddress())
      .filter(c -> VIRTUAL.stream().noneMatch(c.interfaceName().toLowerCase(Locale.ROOT)::startsWith))
      .min(Comparator.comparingInt(Candidate::interfaceIndex))
      .map(c -> c.address().getHostAddress());
  }
}
