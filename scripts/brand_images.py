"""Draws the brand's raster images into static/img/ from the same shapes as the SVG wordmark
(static/img/mark.svg): the icons a phone or browser asks for (180, 192 and 512 px) and the
default image pages are shared with (1200×630). Run it after changing the mark; commit what it
writes. Pillow only, drawn at four times the size and scaled down for smooth edges."""

from pathlib import Path

from PIL import Image, ImageDraw

NAVY_900 = (11, 42, 74)
NAVY_950 = (7, 26, 46)
WHITE = (255, 255, 255)
RED = (232, 51, 79)
OUT = Path(__file__).resolve().parent.parent / "static" / "img"
SCALE = 4


def rings(draw, centre_x, centre_y, radius, width):
    """The mark's two linked rings: white on the left, red on the right."""
    for offset, colour in ((-radius / 2, WHITE), (radius / 2, RED)):
        x = centre_x + offset
        draw.ellipse(
            (x - radius, centre_y - radius, x + radius, centre_y + radius),
            outline=colour,
            width=width,
        )


def icon(size):
    big = size * SCALE
    image = Image.new("RGB", (big, big), NAVY_900)
    draw = ImageDraw.Draw(image)
    # The SVG's geometry (48 units): rings of radius 10 at x 19 and 29, stroke 4.
    unit = big / 48
    rings(draw, 24 * unit, 24 * unit, 10 * unit, round(4 * unit))
    return image.resize((size, size), Image.LANCZOS)


def sharing_image():
    width, height = 1200 * SCALE, 630 * SCALE
    image = Image.new("RGB", (width, height), NAVY_950)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, 12 * SCALE), fill=RED)
    rings(draw, width / 2, height / 2, 170 * SCALE, 22 * SCALE)
    return image.resize((1200, 630), Image.LANCZOS)


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (180, 192, 512):
        icon(size).save(OUT / f"icon-{size}.png", optimize=True)
    sharing_image().save(OUT / "og-default.png", optimize=True)


if __name__ == "__main__":
    main()
