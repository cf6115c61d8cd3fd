package com.jiangxin.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code PUBLIC_URL} is checked at start, and the LAN address is chosen from real interfaces only. */
class PublicAddressConfigTest {

  @Test
  @DisplayName("PUBLIC_URL is read once, without its trailing slash; unset means empty")
  void publicUrlRead() {
    assertEquals(Optional.of("http://192.168.1.20:8080"), Config.from(Map.of("PUBLIC_URL", " http://192.168.1.20:8080/ ")).publicUrl());
    assertEquals(Optional.of("https://class.example.org/jx"), Config.from(Map.of("PUBLIC_URL", "https://class.example.org/jx//")).publicUrl());
    assertEquals(Optional.of("HTTPS://Class.example.org"), Config.from(Map.of("PUBLIC_URL", "HTTPS://Class.example.org")).publicUrl());
    assertEquals(Optional.empty(), Config.from(Map.of("PUBLIC_URL", "  ")).publicUrl());
    assertEquals(Optional.empty(), Config.from(Map.of()).lanAddress(), "from(env) looks at no network interface");
  }

  @Test
  @DisplayName("a PUBLIC_URL that is not an absolute http(s) address stops the start with a clear message")
  void publicUrlChecked() {
    for (String bad : List.of("class.example.org", "ftp://class.example.org/", "http://", "/jx", "http://a b/",
      "https://class.example.org/?x=1", "https://class.example.org/#top", "javascript:alert(1)", "https://user:pw@host/")) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Config.from(Map.of("PUBLIC_URL", bad)), bad);
      assertTrue(e.getMessage().startsWith("PUBLIC_URL must be") && e.getMessage().contains(bad), e.getMessage());
    }
  }

  private static LanAddress.Candidate candidate(String name, int index, String address) {
    try {
      return new LanAddress.Candidate(name, index, (Inet4Address) InetAddress.getByName(address));
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @DisplayName("the LAN address is a private IPv4 address of a real interface, not a container bridge, VPN or public address")
  void lanAddressChoice() {
    assertEquals(Optional.of("192.168.1.23"), LanAddress.choose(List.of(
      candidate("docker0", 3, "172.17.0.1"),
      candidate("eth0", 7, "8.8.4.4"),
      candidate("wlan0", 5, "192.168.1.23"),
      candidate("br-4f2a", 2, "172.18.0.1"),
      candidate("tailscale0", 1, "100.101.102.103"),
      candidate("wg0", 4, "10.8.0.2"))));
    assertEquals(Optional.of("10.20.30.40"), LanAddress.choose(List.of(
      candidate("enp3s0", 9, "10.20.30.40"), candidate("veth12ab", 2, "10.99.0.1"))));
    assertEquals(Optional.empty(), LanAddress.choose(List.of(candidate("docker0", 3, "172.17.0.1"))));
    assertEquals(Optional.empty(), LanAddress.choose(List.of()));
  }
}
