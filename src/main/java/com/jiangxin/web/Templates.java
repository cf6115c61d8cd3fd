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
  private final Assets assets;

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
    this.assets = Assets.load();
    registerHelpers(handlebars, assets);
    // maps first, and reflection only for what is not a map, a list or JSON: a name missing from a
    // map (looked up in every enclosing context) must not be tried as a getter of HashMap
    this.resolvers = new ValueResolver[] {
      MapValueResolver.INSTANCE, JsonValueResolver.INSTANCE,
      new BeansOnly(JavaBeanValueResolver.INSTANCE), new BeansOnly(MethodValueResolver.INSTANCE)};
  }

  /** The static files the pages link to, with their versioned addresses. */
  public Assets assets() {
    return assets;
  }

  /** Whether templates (and so static files) are read afresh on every request. */
  boolean live() {
    return dev;
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

  /**
   * Renders a part of a page with its own template, for a page to place as it is with
   * {@code {{name}}}: every value in it went through the template's escaping.
   */
  public CharSequence fragment(String name, Map<String, Object> model) {
    return new Handlebars.SafeString(render(name, model));
  }

  private static void registerHelpers(Handlebars hb, Assets assets) {
    // {{asset "/static/css/app.css"}}: the file's address with its content hash (see Assets)
    hb.registerHelper("asset", (Helper<Object>) (path, options) -> assets.url(String.valueOf(path)));
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

  /** A reflective resolver kept away from maps, JSON and plain values, which it cannot read anyway. */
  private record BeansOnly(ValueResolver inner) implements ValueResolver {
    private static boolean plain(Object context) {
      return context instanceof Map || context instanceof JsonObject
        || context instanceof JsonArray || context instanceof CharSequence || context instanceof Number
        || context instanceof Boolean;
    }

    @Override
    public Object resolve(Object context, String name) {
      return plain(context) ? UNRESOLVED : inner.resolve(context, name);
    }

    @Override
    public Object resolve(Object context) {
      return plain(context) ? UNRESOLVED : inner.resolve(context);
    }

    @Override
    public Set<Map.Entry<String, Object>> propertySet(Object context) {
      return plain(context) ? Collections.emptySet() : inner.propertySet(context);
    }
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
