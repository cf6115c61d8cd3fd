/**
 * The content: reading files and their front matter (one reader for both content formats), the
 * loaded readings and their catalog, and the importer of the speech collection.
 */
package com.jiangxin.content;
