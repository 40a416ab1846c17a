from musclemap.cli import main

main()
