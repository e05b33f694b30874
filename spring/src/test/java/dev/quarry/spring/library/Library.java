package dev.quarry.spring.library;

import org.springframework.transaction.annotation.Transactional;

/** A service writing through two generated repositories in one Spring-managed transaction. */
public class Library {
  private final AuthorsQueries authors;
  private final BooksQueries books;

  public Library(AuthorsQueries authors, BooksQueries books) {
    this.authors = authors;
    this.books = books;
  }

  /**
   * Adds an author and a book of theirs; throws after both writes when {@code fail}. The book finds
   * its author only when both calls run on the transaction's connection.
   */
  @Transactional
  public void addAuthorWithBook(String name, String title, boolean fail) {
    authors.createAuthor(name);
    long books = this.books.createBook(title, name);
    if (books != 1) {
      throw new IllegalStateException("the book did not find its author: not one transaction");
    }
    if (fail) {
      throw new IllegalStateException("failing after both writes");
    }
  }
}
