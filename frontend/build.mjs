// Builds what the site serves from frontend/ into static/, committed so that neither production
// nor `make run` needs Node: the stylesheet, one file bundled and minified by Lightning CSS from
// the component files (one request, no @import chain), and the fonts, the Latin subset (which
// holds every Spanish letter and sign) of Fontsource's variable fonts with their licence.
// CI runs it and fails if static/ then differs from what is committed.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const fonts = {
  "source-sans-3": ["latin-wght-normal", "latin-wght-italic"],
  "source-serif-4": ["latin-wght-normal"],
};

mkdirSync(join(root, "static", "fonts"), { recursive: true });
for (const [family, files] of Object.entries(fonts)) {
  const source = join(root, "node_modules", "@fontsource-variable", family);
  for (const file of files) {
    copyFileSync(
      join(source, "files", `${family}-${file}.woff2`),
      join(root, "static", "fonts", `${family}-${file}.woff2`),
    );
  }
  copyFileSync(join(source, "LICENSE"), join(root, "static", "fonts", `${family}.LICENSE.txt`));
}

// The public pages' stylesheet, and the design system page's own.
for (const name of ["site", "styleguide"]) {
  execFileSync(
    join(root, "node_modules", ".bin", "lightningcss"),
    [
      "--bundle",
      "--minify",
      "--targets",
      "defaults",
      join(root, "frontend", "css", `${name}.css`),
      "--output-file",
      join(root, "static", "css", `${name}.css`),
    ],
    { stdio: "inherit" },
  );
}
