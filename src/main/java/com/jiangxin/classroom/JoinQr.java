package com.jiangxin.classroom;

import io.nayuki.qrcodegen.QrCode;

import java.util.HashMap;
import java.util.Map;

/**
 * A QR code drawn as SVG path data, for a template to place in an {@code <svg>} through escaped
 * output: the path holds only commands and numbers, so no text of the encoded URL enters the SVG
 * except through the escaped accessible name.
 */
public final class JoinQr {
  /** The quiet zone around the code, in modules, as the QR standard asks. */
  static final int BORDER = 4;

  private JoinQr() {
  }

  /**
   * The template model of a QR code of {@code text}: {@code size} (the square view box, border
   * included), {@code path} (one {@code M x,y h w v1 h -w z} rectangle per run of dark modules in a
   * row) and {@code label} (the accessible name).
   */
  public static Map<String, Object> model(String text, String label) {
    QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
    Map<String, Object> m = new HashMap<>();
    m.put("size", qr.size + 2 * BORDER);
    m.put("path", path(qr));
    m.put("label", label);
    return m;
  }

  static String path(QrCode qr) {
    StringBuilder d = new StringBuilder();
    for (int y = 0; y < qr.size; y++) {
      int x = 0;
      while (x < qr.size) {
        if (!qr.getModule(x, y)) {
          x++;
          continue;
        }
        int start = x;
        while (x < qr.size && qr.getModule(x, y)) {
          x++;
        }
        int run = x - start;
        d.append('M').append(start + BORDER).append(',').append(y + BORDER)
          .append('h').append(run).append("v1h-").append(run).append('z');
      }
    }
    return d.toString();
  }
}
