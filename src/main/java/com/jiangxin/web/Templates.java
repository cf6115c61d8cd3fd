package com.jiangxin.web;

import com.github.jknack.handlebars.Handlebars;
import com.github.jknack.handlebars.Helper;
import com.github.jknack.handlebars.Template;
import com.github.jknack.handlebars.ValueResolver;
import com.github.jknack.handlebars.Context;
import com.github.jknack.handlebars.cache.ConcurrentMapTemplateCache;
import com.github.jknack.handlebars.cache.NullTemplateCache;
import com.github.jknack.handlebars.context.JavaBeanValueResolver;
import com.github.jknack.handlebars.context.MapValueResolver;
import com.github.jknack.handlebars.context.MethodValueResolver;
import com.github.jknack.handlebars.io.ClassPathTemplateLoader;
import com.github.jknack.handlebars.io.FileTemplateLoader;
import com.github.jknack.handlebars.io.TemplateLoader;
import com.jiangxin.config.ClasspathFolder;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Handlebars.java templates under {@code templates/}, named from that root (e.g.
 * {@code reading/show}). Pages fill the {@code content} block of {@code layout}. Templates are
 * compiled once and cached, unless {@code VERTXWEB_ENVIRONMENT=dev} asks for live reloading.
 * {@code {{x}}} escapes HTML; user text only ever goes through it.
 */
public final class Templates {
  private static final String SUFFIX = ".hbs";
  private final Handlebars handlebars;
  private final ValueResolver[] resolvers;
  private final boolean dev;

  public Templates(boolean dev) {
    this.dev = dev;
    Path devDir = Path.of("src/main/resources/templates");
    TemplateLoader loader = dev && Files.isDirectory(devDir)
      ? new FileTemplateLoader(devDir.toFile(), SUFFIX)
      : new ClassPathTemplateLoader("/templates", SUFFIX);
    loader.setCharset(StandardCharsets.UTF_8);
    this.handlebars = new Handlebars(loader)
      .with(dev ? NullTemplateCache.INSTANCE : new ConcurrentMapTemplateCache())
      .setCharset(StandardCharsets.UTF_8);
    this.handlebars.setPrettyPrint(true);
    registerHelpers(handlebars);
    this.resolvers = new ValueResolver[] {
      JsonValueResolver.INSTANCE, MapValueResolver.INSTANCE, JavaBeanValueResolver.INSTANCE,
      MethodValueResolver.INSTANCE};
  }

  /**
   * Compiles every template under {@code templates/} now, so the first request is as fast as the
   * rest and a template with a syntax error is reported at once. Blocking.
   *
   * @throws UncheckedIOException naming the first template that does not compile
   *
   * @return how many templates were compiled (0 in dev mode, which compiles on every request)
   */
  public int precompileAll() {
    if (dev) {
      return 0;
    }
    List<String> names = ClasspathFolder.list(Templates.class.getClassLoader(), "templates")
      .orElse(List.of()).stream()
      .map(ClasspathFolder.Entry::name)
      .filter(n -> n.endsWith(SUFFIX))
      .map(n -> n.substring(0, n.length() - SUFFIX.length()))
      .toList();
    for (String name : names) {
      try {
        handlebars.compile(name);
      } catch (IOException e) {
        throw new UncheckedIOException("template " + name + ": " + e.getMessage(), e);
      }
    }
    return names.size();
  }

  /** Renders a template with the given model. */
  public String render(String name, Map<String, Object> model) {
    try {
      Template template = handlebars.compile(name);
      Context context = Context.newBuilder(model).resolver(resolvers).build();
      try {
        return template.apply(context);
      } finally {
        context.destroy();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("template " + name + ": " + e.getMessage(), e);
    }
  }

  private static void registerHelpers(Handlebars hb) {
    hb.registerHelper("eq", (Helper<Object>) (a, options) -> sameText(a, options.param(0, null)));
    hb.registerHelper("ne", (Helper<Object>) (a, options) -> !sameText(a, options.param(0, null)));
    hb.registerHelper("plus", (Helper<Object>) (a, options) ->
      toLong(a) + toLong(options.param(0, 0)));
    hb.registerHelper("percent", (Helper<Object>) (a, options) ->
      Numbers.percent(a == null ? null : ((Number) a).doubleValue()));
  }

  /**
   * Whether two template values read the same. Both are typed {@code Object} on purpose: passed
   * straight to {@code String.valueOf}, a generic parameter is taken as {@code char[]}, and a
   * quoted string in a template ({@code (eq pian "自选")}) would fail with a ClassCastException.
   */
  static boolean sameText(Object a, Object b) {
    return Objects.equals(String.valueOf(a), String.valueOf(b));
  }

  private static long toLong(Object o) {
    if (o instanceof Number n) {
      return n.longValue();
    }
    return o == null ? 0 : Long.parseLong(o.toString());
  }

  /** Lets templates read Vert.x {@code JsonObject} and {@code JsonArray} like maps and lists. */
  private enum JsonValueResolver implements ValueResolver {
    INSTANCE;

    @Override
    public Object resolve(Object context, String name) {
      if (context instanceof JsonObject json) {
        return json.containsKey(name) ? json.getValue(name) : UNRESOLVED;
      }
      if (context instanceof JsonArray array && "length".equals(name)) {
        return array.size();
      }
      return UNRESOLVED;
    }

    @Override
    public Object resolve(Object context) {
      if (context instanceof JsonObject || context instanceof JsonArray) {
        return context;
      }
      return UNRESOLVED;
    }

    @Override
    public Set<Map.Entry<String, Object>> propertySet(Object context) {
      if (context instanceof JsonObject json) {
        return json.getMap().entrySet();
      }
      return Collections.emptySet();
    }
  }
}
