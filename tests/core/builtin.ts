import { builtInLoaded } from '../../src/content';
import { Catalog } from '../../src/core/catalog';

/** Both languages of the built-in content, read on first use, as the widget sees them. */
export const builtInCatalog = () => new Catalog(() => builtInLoaded().contents);
