package com.jiangxin.web;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which Host headers name this machine only, and what the start-up log tells the teacher. */
class SiteAddressTest {

  @Test
  @DisplayName("localhost, 127.x.y.z and ::1 are loopback, with or without a port; other names and addresses are not")
  void loopback() {
    for (String host : new String[] {"localhost", "localhost:8080", "LOCALHOST.", "app.localhost:8080", "127.0.0.1:8080",
      "127.1.2.3", "[::1]:8080", "[::1]", "0.0.0.0:8080"}) {
      assertTrue(SiteAddress.isLoopback(SiteAddress.hostName(host)), host);
    }
    for (String host : new String[] {"192.168.1.20:8080", "school.lan", "127.example.org", "[fe80::1]:8080", "localhost.example.org"}) {
      assertFalse(SiteAddress.isLoopback(SiteAddress.hostName(host)), host);
    }
  }

  @Test
  @DisplayName("the start-up log names the address students open: PUBLIC_URL, else the LAN address, else says none was found")
  void announcement() {
    assertEquals("学生打开 https://class.example.org/", new SiteAddress(Optional.of("https://class.example.org"), Optional.of("192.168.1.2")).announcement(8080));
    assertEquals("学生可在同一网络打开 http://192.168.1.2:8080/", new SiteAddress(Optional.empty(), Optional.of("192.168.1.2")).announcement(8080));
    assertTrue(new SiteAddress(Optional.empty(), Optional.empty()).announcement(8080).contains("PUBLIC_URL"));
  }
}
