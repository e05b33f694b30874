-- name: CreateAuthor :one
INSERT INTO authors (name, bio) VALUES (@name, sqlc.narg(bio)) RETURNING *;

-- name: GetAuthor :one
SELECT * FROM authors WHERE id = @id;

-- name: ListAuthors :many
SELECT * FROM authors ORDER BY id;

-- name: UpdateBio :exec
UPDATE authors SET bio = sqlc.narg(bio) WHERE id = @id;

-- name: DeleteAuthorsWithoutBooks :execrows
DELETE FROM authors a WHERE NOT EXISTS (SELECT 1 FROM books b WHERE b.author_id = a.id);

-- name: RetitleBooks :execresult
UPDATE books SET title = title || @suffix WHERE author_id = @author_id;

-- name: CreateBook :one
-- More than four parameters: the method takes a CreateBookParams record.
INSERT INTO books (author_id, title, status, tags, isbn, pages)
VALUES (@author_id, @title, @status, @tags, sqlc.narg(isbn), sqlc.narg(pages))
RETURNING *;

-- name: AddBooks :batchexec
INSERT INTO books (author_id, title, pages) VALUES (@author_id, @title, sqlc.narg(pages));

-- name: BookByIsbn :batchone
SELECT * FROM books WHERE isbn = @isbn;

-- name: BookTitlesByAuthor :batchmany
SELECT id, title FROM books WHERE author_id = @author_id ORDER BY id;

-- name: CountBooks :one
SELECT count(*) FROM books WHERE author_id = @author_id;

-- name: BooksByIds :many
SELECT * FROM books WHERE id IN (sqlc.slice(ids)) ORDER BY id;

-- name: BooksNotIn :many
SELECT * FROM books WHERE author_id = @author_id AND id NOT IN (sqlc.slice(ids)) ORDER BY id;

-- name: BooksWithAuthors :many
SELECT sqlc.embed(b), sqlc.embed(a) FROM books b JOIN authors a ON a.id = b.author_id
WHERE b.author_id = @author_id ORDER BY b.id;

-- name: BooksWithReviews :many
SELECT sqlc.embed(b), sqlc.embed(r) FROM books b LEFT JOIN reviews r ON r.book_id = b.id
WHERE b.author_id = @author_id ORDER BY b.id, r.id;

-- name: AddReview :exec
INSERT INTO reviews (book_id, stars) VALUES (@book_id, @stars);

-- name: CopyEvents :copyfrom
INSERT INTO events (id, note, labels, matrix, status, payload, data, happened_at, local_at, place)
VALUES (@id, sqlc.narg(note), sqlc.narg(labels), sqlc.narg(matrix), sqlc.narg(status), sqlc.narg(payload),
        sqlc.narg(data), sqlc.narg(happened_at), sqlc.narg(local_at), sqlc.narg(place));

-- name: ListEvents :many
SELECT * FROM events WHERE id BETWEEN @first AND @last ORDER BY id;

-- name: EventsWithKey :many
SELECT id FROM events WHERE payload ? @key AND id BETWEEN @first AND @last ORDER BY id;

-- name: EventsWithAnyKey :many
SELECT id FROM events WHERE payload ?| @keys::text[] AND id BETWEEN @first AND @last ORDER BY id;

-- name: EventsWithAllKeys :many
SELECT id FROM events WHERE payload ?& @keys::text[] AND id BETWEEN @first AND @last ORDER BY id;

-- name: Numbers :many
SELECT n FROM generate_series(1, @count::int) AS n;

-- name: AuthorByNamePrefix :one
-- Returns more than one row when several names start with the prefix: the method throws.
SELECT * FROM authors WHERE name LIKE @prefix || '%' ORDER BY id;

-- name: BookByTitle :batchone
-- Returns more than one row for a title that several books share: the method throws.
SELECT * FROM books WHERE title = @title ORDER BY id;

-- name: StreamNumbers :many
-- quarry:stream
SELECT n FROM generate_series(1, @count::int) AS n;

-- name: StreamAuthors :many
-- quarry:stream
-- Every author, read as the stream is consumed.
SELECT * FROM authors ORDER BY id;

-- name: StreamBooksByIds :many
-- quarry:stream
SELECT * FROM books WHERE id IN (sqlc.slice(ids)) ORDER BY id;
