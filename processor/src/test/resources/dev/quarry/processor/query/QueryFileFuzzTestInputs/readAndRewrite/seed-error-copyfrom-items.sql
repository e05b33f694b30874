-- name: CopyFromSelect :copyfrom
INSERT INTO items (id, name) SELECT @id, @name;

-- name: CopyTwoRows :copyfrom
INSERT INTO items (id, name) VALUES (@id, @name), (@id2, @name2);

-- name: CopyExpression :copyfrom
INSERT INTO items (id, name, price) VALUES (@id, upper(@name), @price);

-- name: CopyCast :copyfrom
INSERT INTO items (id, name) VALUES (@id, @name::text);

-- name: CopyReturning :copyfrom
INSERT INTO items (id, name) VALUES (@id, @name) RETURNING id;

-- name: CopyOnConflict :copyfrom
INSERT INTO items (id, name) VALUES (@id, @name) ON CONFLICT DO NOTHING;

-- name: CopyUpdate :copyfrom
UPDATE items SET name = @name WHERE id = @id;

-- name: CopyNoColumns :copyfrom
INSERT INTO items VALUES (@id, @name, @price);

-- name: CopyCountMismatch :copyfrom
INSERT INTO items (id, name, price) VALUES (@id, @name);

-- name: CopyFine :copyfrom
INSERT INTO items (id, name, price) VALUES (@id, @name, sqlc.narg(price));
