-- just a comment
/* block */

-- another
