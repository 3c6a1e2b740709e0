# input() at the end of stdin (the runner gives /dev/null): EOFError, caught then uncaught
def ask(prompt, default):
    try:
        return input(prompt)
    except EOFError as e:
        print()
        print(f"no input ({e}); using {default!r}")
        return default

name = ask("Your name: ", "guest")
age = int(ask("Your age: ", "30"))
print(f"Hello {name}, next year you will be {age + 1}.")
answers = []
while True:
    try:
        answers.append(input())
    except EOFError:
        break
print("answers:", answers)
print(input("last question: "))
