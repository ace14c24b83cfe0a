import type { Scene } from '@/scenes/types';

/**
 * Where each file of the book lives. The package's files are in one folder, so every
 * link between them is a bare file name.
 */
export const MIMETYPE = 'mimetype';
export const CONTAINER = 'META-INF/container.xml';
/** The package's folder, inside the zip. */
export const PACKAGE_DIR = 'OEBPS';
/** From here on, paths are from the package's folder. */
export const PACKAGE = 'package.opf';
export const NAV = 'nav.xhtml';
export const COVER_PAGE = 'cover.xhtml';
export const TITLE_PAGE = 'title.xhtml';
export const COVER_IMAGE = 'cover.png';
export const STYLE_SHEET = 'style.css';

/** A scene's content document. Prefixed, so that no scene id can take another file's name. */
export const sceneHref = (scene: Scene) => `scene-${scene.id}.xhtml`;
/** A scene's XML id (scene ids may start with a digit, XML ids may not). */
export const sceneXmlId = (scene: Scene) => `scene-${scene.id}`;
